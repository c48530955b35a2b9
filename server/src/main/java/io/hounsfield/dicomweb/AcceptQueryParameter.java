package io.hounsfield.dicomweb;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code accept} query parameter of the DICOMweb resources (PS3.18 §8.3.3.1): where a user agent cannot set the
 * Accept header (an HTML {@code <img>}, a link), {@code ?accept=image/png} stands for it, and when both are there the
 * parameter wins. The controllers read the Accept header only; this makes the parameter that header. Its value is a
 * media range list like the header's ({@code +} percent-encoded as {@code %2B}). WADO-URI has its own
 * {@code contentType} (§9.1.2.1.5) and is left alone.
 */
@Component
final class AcceptQueryParameter extends OncePerRequestFilter {
    static final String NAME = "accept";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith(DicomWebLinks.BASE + "/") || path.startsWith(DicomWebLinks.BASE + "/wado")
                || request.getParameter(NAME) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = String.join(",", request.getParameterValues(NAME));
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(accept))
                        : super.getHeaders(name);
            }
        }, response);
    }
}
