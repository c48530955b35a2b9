package io.hounsfield.ohif;

/**
 * OHIF's {@code app-config.js} as Hounsfield serves it: one data source, Hounsfield's own {@code /dicom-web} on the
 * origin the page came from, so the browser sends the session cookie with every request and no password or host
 * name is written anywhere. OHIF's own defaults apply to the rest.
 */
final class OhifConfigScript {

    private OhifConfigScript() {
    }

    /** @param contextPath the servlet context path, usually empty */
    static String forContextPath(String contextPath) {
        return """
                // Written by Hounsfield for OHIF Viewer: studies come from this server's DICOMweb, same origin,
                // authenticated by the login session. Not read from disk; change Hounsfield, not this file.
                (function () {
                  var dicomWeb = window.location.origin + '%1$s/dicom-web';
                  window.config = {
                    routerBasename: '%1$s/ohif',
                    extensions: [],
                    modes: [],
                    customizationService: {},
                    showStudyList: true,
                    maxNumberOfWebWorkers: 3,
                    showWarningMessageForCrossOrigin: false,
                    showCPUFallbackMessage: true,
                    showLoadingIndicator: true,
                    strictZSpacingForVolumeViewport: true,
                    investigationalUseDialog: { option: 'never' },
                    maxNumRequests: { interaction: 100, thumbnail: 5, prefetch: 25 },
                    showErrorDetails: 'always',
                    defaultDataSourceName: 'hounsfield',
                    dataSources: [
                      {
                        namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
                        sourceName: 'hounsfield',
                        configuration: {
                          friendlyName: 'Hounsfield',
                          name: 'hounsfield',
                          qidoRoot: dicomWeb,
                          wadoRoot: dicomWeb,
                          wadoUriRoot: dicomWeb,
                          qidoSupportsIncludeField: true,
                          supportsReject: false,
                          dicomUploadEnabled: false,
                          imageRendering: 'wadors',
                          thumbnailRendering: 'wadors',
                          enableStudyLazyLoad: true,
                          supportsFuzzyMatching: false,
                          supportsWildcard: true,
                          staticWado: false,
                          singlepart: 'video',
                          omitQuotationForMultipartRequest: true,
                          bulkDataURI: { enabled: true, relativeResolution: 'studies' }
                        }
                      }
                    ]
                  };
                })();
                """.formatted(jsString(contextPath));
    }

    /** The context path as it may stand inside a single-quoted JavaScript string. */
    private static String jsString(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\u003c");
    }
}
