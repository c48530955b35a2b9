// Hounsfield's built-in viewer: reads one study over the same origin's DICOMweb (QIDO-RS series and instances,
// WADO-RS metadata, rendered frames as PNG, JPEG thumbnails) and shows one series as a stack. Plain script, no build
// step.
(function () {
  'use strict';

  var root = document.getElementById('viewer');
  if (!root) {
    return;
  }
  var BASE = root.dataset.base;
  var STUDY = root.dataset.study;
  var JSON_TYPE = 'application/dicom+json';
  var PNG_TYPE = 'image/png';
  var CACHE_LIMIT = 800;      // rendered frames kept as Image objects (a 500-slice CT at two windows)
  var PREFETCH_AHEAD = 12;
  var PREFETCH_BEHIND = 6;
  var WINDOW_DEBOUNCE_MS = 150;
  // Rejection note titles of PS3.16 CID 7011 (Rejected for Quality Reasons, Patient Safety, Incorrect Modality
  // Worklist Entry, Data Retention Policy Expired): an instance a Key Object Selection with one of them lists is marked.
  var REJECTION_CODES = ['113001', '113037', '113038', '113039'];

  var canvas = document.getElementById('image');
  var stage = document.getElementById('stage');
  var context = canvas.getContext('2d');
  var message = document.getElementById('message');

  var state = {
    series: [],          // {uid, number, modality, description, count}
    current: null,       // the series shown
    stack: [],           // {instance, frame, instanceNumber, meta}
    index: 0,
    window: null,        // {center, width} or null for the image's own
    tool: 'window',
    zoom: 1,
    panX: 0,
    panY: 0,
    invert: false,
    shown: null,         // the Image drawn now
    shownUrl: '',
    measurements: {},    // stack index -> [{x1, y1, x2, y2}] in image pixels
    rejected: new Set()
  };
  var cache = new Map();  // url -> Image, oldest first

  // ---- DICOM JSON helpers ----
  function value(dataset, tag) {
    var element = dataset && dataset[tag];
    return element && element.Value ? element.Value : [];
  }
  function first(dataset, tag) {
    var values = value(dataset, tag);
    if (!values.length) {
      return null;
    }
    var v = values[0];
    return v && typeof v === 'object' && 'Alphabetic' in v ? v.Alphabetic : v;
  }
  function numbers(dataset, tag) {
    return value(dataset, tag).map(Number).filter(function (n) { return !isNaN(n); });
  }

  function getJson(url) {
    return fetch(url, {headers: {Accept: JSON_TYPE}, credentials: 'same-origin'}).then(function (response) {
      if (response.status === 204) {
        return [];
      }
      if (!response.ok) {
        throw new Error('The archive answered ' + response.status + ' for ' + url);
      }
      return response.json();
    });
  }

  function seriesPath(series) {
    return BASE + '/studies/' + encodeURIComponent(STUDY) + '/series/' + encodeURIComponent(series);
  }

  // ---- series strip ----
  function loadSeries() {
    return getJson(BASE + '/studies/' + encodeURIComponent(STUDY) + '/series').then(function (rows) {
      var all = rows.map(function (row) {
        return {
          uid: first(row, '0020000E'),
          number: first(row, '00200011'),
          modality: first(row, '00080060') || '',
          description: first(row, '0008103E') || '',
          count: first(row, '00201209')
        };
      }).sort(function (a, b) { return (a.number || 0) - (b.number || 0); });
      var notes = all.filter(function (s) { return s.modality === 'KO'; });
      state.series = all.filter(function (s) { return s.modality !== 'KO' && s.modality !== 'PR' && s.modality !== 'SR'; });
      return Promise.all(notes.map(loadRejections));
    });
  }

  function loadRejections(series) {
    return getJson(seriesPath(series.uid) + '/metadata').then(function (objects) {
      objects.forEach(function (object) {
        var title = value(object, '0040A043')[0];
        if (!title || REJECTION_CODES.indexOf(first(title, '00080100')) < 0) {
          return;
        }
        value(object, '0040A375').forEach(function (study) {
          value(study, '00081115').forEach(function (referenced) {
            value(referenced, '00081199').forEach(function (sop) {
              state.rejected.add(first(sop, '00081155'));
            });
          });
        });
      });
    }).catch(function () { /* a note that cannot be read marks nothing */ });
  }

  function buildStrip() {
    var strip = document.getElementById('strip');
    strip.textContent = '';
    state.series.forEach(function (series) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'series';
      button.dataset.series = series.uid;
      var thumb = document.createElement('img');
      thumb.alt = '';
      thumb.width = 96;
      thumb.height = 96;
      thumb.loading = 'lazy';
      thumb.src = seriesPath(series.uid) + '/thumbnail?viewport=96,96';
      thumb.onerror = function () { thumb.classList.add('missing'); };
      var label = document.createElement('span');
      label.textContent = seriesName(series) + (series.count ? ' · ' + series.count + ' images' : '');
      button.appendChild(thumb);
      button.appendChild(label);
      button.addEventListener('click', function () { openSeries(series); });
      strip.appendChild(button);
    });
  }

  function seriesName(series) {
    return 'Series ' + (series.number == null ? '–' : series.number) + ' ' + series.modality
        + (series.description ? ': ' + series.description : '');
  }

  // ---- one series ----
  function openSeries(series) {
    state.current = series;
    state.stack = [];
    state.index = 0;
    state.measurements = {};
    state.shown = null;
    state.shownUrl = '';
    root.dataset.shown = '';
    document.querySelectorAll('#strip .series').forEach(function (button) {
      button.classList.toggle('active', button.dataset.series === series.uid);
    });
    say('Loading the series…');
    var path = seriesPath(series.uid);
    Promise.all([getJson(path + '/instances'), getJson(path + '/metadata').catch(function () { return []; })])
      .then(function (answers) {
        var metadata = {};
        answers[1].forEach(function (object) { metadata[first(object, '00080018')] = object; });
        var instances = answers[0].map(function (row) {
          var uid = first(row, '00080018');
          var meta = metadata[uid] || row;
          return {uid: uid, number: first(row, '00200013') || first(meta, '00200013'), meta: meta,
                  frames: Number(first(meta, '00280008') || first(row, '00280008') || 1)};
        }).sort(function (a, b) { return (a.number || 0) - (b.number || 0); });
        instances.forEach(function (instance) {
          for (var frame = 1; frame <= instance.frames; frame++) {
            state.stack.push({instance: instance.uid, frame: frame, instanceNumber: instance.number,
                              meta: instance.meta});
          }
        });
        if (!state.stack.length) {
          say('This series has no images to show.');
          return;
        }
        state.window = storedWindow(state.stack[0]);
        document.getElementById('preset').value = '';
        document.getElementById('series-label').textContent = seriesName(series);
        say('');
        show(0);
      })
      .catch(function (error) { say('The series could not be loaded. ' + error.message); });
  }

  function storedWindow(item) {
    var centers = numbers(item.meta, '00281050');
    var widths = numbers(item.meta, '00281051');
    if (centers.length && widths.length && widths[0] > 0) {
      return {center: centers[0], width: widths[0]};
    }
    return null;
  }

  // Stored windows of the series' first image become presets too, named as stored where they have a name.
  function addStoredPresets(item) {
    var select = document.getElementById('preset');
    select.querySelectorAll('option.stored').forEach(function (option) { option.remove(); });
    var centers = numbers(item.meta, '00281050');
    var widths = numbers(item.meta, '00281051');
    var names = value(item.meta, '00281055');
    for (var i = 0; i < Math.min(centers.length, widths.length); i++) {
      var option = document.createElement('option');
      option.className = 'stored';
      option.value = centers[i] + ',' + widths[i];
      option.textContent = (names[i] ? names[i] : 'Stored') + ' ' + centers[i] + ' / ' + widths[i];
      select.appendChild(option);
    }
  }

  function frameUrl(index, windowSetting) {
    var item = state.stack[index];
    // PNG, not the default JPEG: the image judged must show the pixels without lossy artefacts. An <img> cannot set
    // the Accept header, so the accept query parameter (PS3.18 §8.3.3.1) asks for it.
    var url = seriesPath(state.current.uid) + '/instances/' + encodeURIComponent(item.instance) + '/frames/'
        + item.frame + '/rendered?accept=' + encodeURIComponent(PNG_TYPE);
    if (windowSetting) {
      url += '&window=' + round(windowSetting.center) + ',' + round(windowSetting.width) + ',linear';
    }
    return url;
  }

  function round(n) {
    return Math.round(n * 10) / 10;
  }

  function image(url) {
    var cached = cache.get(url);
    if (cached) {
      cache.delete(url);
      cache.set(url, cached);
      return cached;
    }
    var img = new Image();
    img.decoding = 'async';
    img.src = url;
    img.ready = new Promise(function (resolve, reject) {
      img.onload = function () { resolve(img); };
      img.onerror = function () { cache.delete(url); reject(new Error('no image')); };
    });
    img.ready.catch(function () {});
    cache.set(url, img);
    while (cache.size > CACHE_LIMIT) {
      cache.delete(cache.keys().next().value);
    }
    return img;
  }

  function show(index) {
    if (!state.stack.length) {
      return;
    }
    state.index = Math.max(0, Math.min(state.stack.length - 1, index));
    if (state.index === 0 || !document.querySelector('#preset option.stored')) {
      addStoredPresets(state.stack[state.index]);
    }
    var url = frameUrl(state.index, state.window);
    var img = image(url);
    var wanted = state.index;
    img.ready.then(function () {
      if (state.index === wanted && frameUrl(wanted, state.window) === url) {
        state.shown = img;
        state.shownUrl = url;
        root.dataset.shown = url;
        say('');
        draw();
      }
    }, function () {
      if (state.index === wanted) {
        say('This image could not be shown by the archive.');
      }
    });
    labels();
    draw();
    prefetch();
  }

  function prefetch() {
    for (var step = 1; step <= PREFETCH_AHEAD; step++) {
      if (state.index + step < state.stack.length) {
        image(frameUrl(state.index + step, state.window));
      }
      if (step <= PREFETCH_BEHIND && state.index - step >= 0) {
        image(frameUrl(state.index - step, state.window));
      }
    }
  }

  // ---- drawing ----
  function fit() {
    var width = stage.clientWidth;
    var height = stage.clientHeight;
    var ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = width + 'px';
      canvas.style.height = height + 'px';
    }
    return ratio;
  }

  // Image pixels to canvas CSS pixels: the image fitted into the stage, times zoom, moved by pan.
  function transform() {
    var img = state.shown;
    var scale = Math.min(stage.clientWidth / img.naturalWidth, stage.clientHeight / img.naturalHeight) * state.zoom;
    return {
      scale: scale,
      x: (stage.clientWidth - img.naturalWidth * scale) / 2 + state.panX,
      y: (stage.clientHeight - img.naturalHeight * scale) / 2 + state.panY
    };
  }

  function draw() {
    var ratio = fit();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = '#000';
    context.fillRect(0, 0, canvas.width, canvas.height);
    if (!state.shown) {
      return;
    }
    var t = transform();
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.filter = state.invert ? 'invert(1)' : 'none';
    context.imageSmoothingEnabled = state.zoom < 2;
    context.drawImage(state.shown, t.x, t.y, state.shown.naturalWidth * t.scale, state.shown.naturalHeight * t.scale);
    context.filter = 'none';
    (state.measurements[state.index] || []).concat(state.drawing ? [state.drawing] : []).forEach(function (m) {
      drawMeasurement(m, t);
    });
  }

  function drawMeasurement(m, t) {
    var x1 = t.x + m.x1 * t.scale, y1 = t.y + m.y1 * t.scale, x2 = t.x + m.x2 * t.scale, y2 = t.y + m.y2 * t.scale;
    context.strokeStyle = '#ffd24a';
    context.fillStyle = '#ffd24a';
    context.lineWidth = 1.5;
    context.beginPath();
    context.moveTo(x1, y1);
    context.lineTo(x2, y2);
    context.stroke();
    [[x1, y1], [x2, y2]].forEach(function (p) {
      context.beginPath();
      context.arc(p[0], p[1], 3, 0, 2 * Math.PI);
      context.fill();
    });
    context.font = '14px system-ui, sans-serif';
    context.lineWidth = 3;
    context.strokeStyle = '#000';
    var text = distanceText(m);
    context.strokeText(text, x2 + 8, y2 - 8);
    context.fillText(text, x2 + 8, y2 - 8);
  }

  // Pixel Spacing (0028,0030) is row spacing (between rows, vertical) then column spacing (horizontal), in mm; the
  // rendered frame may be scaled, so image pixels are brought back to the stored Rows and Columns first.
  function distanceText(m) {
    var item = state.stack[state.index];
    var spacing = numbers(item.meta, '00280030');
    if (spacing.length < 2) {
      spacing = numbers(item.meta, '00181164');
    }
    var columns = Number(first(item.meta, '00280011')) || state.shown.naturalWidth;
    var rows = Number(first(item.meta, '00280010')) || state.shown.naturalHeight;
    var dx = (m.x2 - m.x1) * columns / state.shown.naturalWidth;
    var dy = (m.y2 - m.y1) * rows / state.shown.naturalHeight;
    if (spacing.length >= 2) {
      var mm = Math.hypot(dx * spacing[1], dy * spacing[0]);
      return mm.toFixed(1) + ' mm';
    }
    return Math.hypot(dx, dy).toFixed(0) + ' pixels (the image gives no pixel size)';
  }

  function labels() {
    var item = state.stack[state.index];
    document.getElementById('image-label').textContent = 'Image ' + (state.index + 1) + ' / ' + state.stack.length
        + (item.instanceNumber != null ? ' (instance ' + item.instanceNumber + (item.frame > 1 || hasFrames(item)
            ? ', frame ' + item.frame : '') + ')' : '');
    document.getElementById('window-label').textContent = state.window
        ? 'Window ' + round(state.window.center) + ' / ' + round(state.window.width)
        : 'Window as stored';
    document.getElementById('zoom-label').textContent = 'Zoom ' + Math.round(state.zoom * 100) + ' %'
        + (state.invert ? ' · inverted' : '');
    var rejected = state.rejected.has(item.instance);
    document.getElementById('rejected').hidden = !rejected;
    stage.classList.toggle('rejected', rejected);
    root.dataset.index = String(state.index);
  }

  function hasFrames(item) {
    return Number(first(item.meta, '00280008') || 1) > 1;
  }

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  // ---- window ----
  var windowTimer = null;
  function setWindow(center, width, immediately) {
    state.window = {center: center, width: Math.max(1, width)};
    labels();
    clearTimeout(windowTimer);
    if (immediately) {
      show(state.index);
    } else {
      windowTimer = setTimeout(function () { show(state.index); }, WINDOW_DEBOUNCE_MS);
    }
  }

  function currentWindow() {
    if (state.window) {
      return state.window;
    }
    return state.current.modality === 'CT' ? {center: 40, width: 400} : {center: 128, width: 256};
  }

  // ---- input ----
  function imagePoint(event) {
    var rect = canvas.getBoundingClientRect();
    var t = transform();
    return {x: (event.clientX - rect.left - t.x) / t.scale, y: (event.clientY - rect.top - t.y) / t.scale};
  }

  var drag = null;
  canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });
  canvas.addEventListener('pointerdown', function (event) {
    if (!state.shown) {
      return;
    }
    stage.focus();
    canvas.setPointerCapture(event.pointerId);
    var tool = event.button === 2 ? 'window' : state.tool;
    var start = currentWindow();
    drag = {tool: tool, x: event.clientX, y: event.clientY, index: state.index, zoom: state.zoom,
            panX: state.panX, panY: state.panY, center: start.center, width: start.width};
    if (tool === 'measure') {
      var p = imagePoint(event);
      state.drawing = {x1: p.x, y1: p.y, x2: p.x, y2: p.y};
    }
  });
  canvas.addEventListener('pointermove', function (event) {
    if (!drag) {
      return;
    }
    var dx = event.clientX - drag.x;
    var dy = event.clientY - drag.y;
    if (drag.tool === 'window') {
      var step = Math.max(1, drag.width / 250);
      setWindow(drag.center + dy * step, drag.width + dx * step, false);
      document.getElementById('preset').value = 'custom';
    } else if (drag.tool === 'scroll') {
      var target = drag.index + Math.round(dy / 8);
      if (target !== state.index) {
        show(target);
      }
    } else if (drag.tool === 'zoom') {
      state.zoom = Math.max(0.1, Math.min(20, drag.zoom * Math.pow(1.01, -dy)));
      labels();
      draw();
    } else if (drag.tool === 'pan') {
      state.panX = drag.panX + dx;
      state.panY = drag.panY + dy;
      draw();
    } else if (drag.tool === 'measure') {
      var p = imagePoint(event);
      state.drawing.x2 = p.x;
      state.drawing.y2 = p.y;
      draw();
    }
  });
  function endDrag() {
    if (drag && drag.tool === 'measure' && state.drawing) {
      var m = state.drawing;
      if (Math.hypot(m.x2 - m.x1, m.y2 - m.y1) > 1) {
        (state.measurements[state.index] = state.measurements[state.index] || []).push(m);
        root.dataset.measurement = distanceText(m);
      }
      state.drawing = null;
      draw();
    }
    drag = null;
  }
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);

  stage.addEventListener('wheel', function (event) {
    event.preventDefault();
    if (event.deltaY !== 0) {
      show(state.index + (event.deltaY > 0 ? 1 : -1));
    }
  }, {passive: false});

  // On the whole page, so the keys work after a toolbar button was pressed; not while choosing a preset.
  document.addEventListener('keydown', function (event) {
    if (event.target.tagName === 'SELECT' || event.target.tagName === 'INPUT' || event.altKey || event.ctrlKey
        || event.metaKey) {
      return;
    }
    var moves = {ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, PageDown: 10, PageUp: -10};
    if (event.key in moves) {
      show(state.index + moves[event.key]);
    } else if (event.key === 'Home') {
      show(0);
    } else if (event.key === 'End') {
      show(state.stack.length - 1);
    } else {
      return;
    }
    event.preventDefault();
  });

  document.querySelectorAll('[data-tool]').forEach(function (button) {
    button.addEventListener('click', function () {
      state.tool = button.dataset.tool;
      document.querySelectorAll('[data-tool]').forEach(function (other) {
        other.classList.toggle('active', other === button);
        other.setAttribute('aria-pressed', String(other === button));
      });
      stage.focus();
    });
  });
  document.getElementById('preset').addEventListener('change', function (event) {
    if (!state.stack.length) {
      return;
    }
    if (!event.target.value) {
      state.window = storedWindow(state.stack[state.index]);
      labels();
      show(state.index);
    } else {
      var parts = event.target.value.split(',').map(Number);
      setWindow(parts[0], parts[1], true);
    }
    stage.focus();
  });
  document.getElementById('invert').addEventListener('click', function (event) {
    state.invert = !state.invert;
    event.target.setAttribute('aria-pressed', String(state.invert));
    labels();
    draw();
  });
  document.getElementById('reset').addEventListener('click', function () {
    state.zoom = 1;
    state.panX = 0;
    state.panY = 0;
    state.invert = false;
    document.getElementById('invert').setAttribute('aria-pressed', 'false');
    document.getElementById('preset').value = '';
    if (state.stack.length) {
      state.window = storedWindow(state.stack[state.index]);
      show(state.index);
    }
  });
  document.getElementById('clear-measurements').addEventListener('click', function () {
    state.measurements = {};
    delete root.dataset.measurement;
    draw();
  });
  window.addEventListener('resize', draw);

  // ---- start ----
  loadSeries().then(function () {
    buildStrip();
    if (!state.series.length) {
      say('This study has no images to show.');
      return;
    }
    var wanted = root.dataset.series;
    openSeries(state.series.find(function (s) { return s.uid === wanted; }) || state.series[0]);
  }).catch(function (error) {
    say('The study could not be loaded. ' + error.message);
  });
}());
