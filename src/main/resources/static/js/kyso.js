// Refuses a file over the upload limit before it is sent, so nobody waits for a long upload that the
// server would reject anyway. The server still checks; this only saves the wait.
document.addEventListener('submit', function (event) {
  var input = event.target.querySelector('input[type=file][data-max-bytes]');
  if (!input || !input.files.length || input.files[0].size <= Number(input.dataset.maxBytes)) {
    return;
  }
  event.preventDefault();
  var error = document.getElementById(input.id + '-error');
  if (!error) {
    error = document.createElement('p');
    error.id = input.id + '-error';
    error.className = 'field-error';
    error.setAttribute('role', 'alert');
    input.insertAdjacentElement('afterend', error);
  }
  error.textContent = input.dataset.tooLarge;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', input.id + '-hint ' + error.id);
  input.focus();
});

// A form marked data-progress sends its file with a progress bar, so a large upload on a slow line
// does not look like a hung page; without JavaScript the form still posts the ordinary way.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (event.defaultPrevented || !form.hasAttribute('data-progress') || !window.FormData) {
    return;
  }
  var file = form.querySelector('input[type=file]');
  if (!file || !file.files.length) {
    return;
  }
  event.preventDefault();
  var bar = busy(form, form.dataset.progress);
  var xhr = new XMLHttpRequest();
  xhr.open('POST', form.action);
  xhr.upload.addEventListener('progress', function (e) {
    if (e.lengthComputable) {
      bar.max = e.total;
      bar.value = e.loaded;
    }
  });
  xhr.addEventListener('load', function () {
    // The server answers a good upload with a redirect to the result: follow it as a page would
    if (xhr.status < 400 && xhr.responseURL && xhr.responseURL.split('?')[0] !== form.action.split('?')[0]) {
      location.assign(xhr.responseURL);
      return;
    }
    document.open();
    document.write(xhr.responseText);
    document.close();
  });
  xhr.addEventListener('error', function () {
    form.removeAttribute('data-progress');
    form.submit();
  });
  xhr.send(new FormData(form, event.submitter));
});

// A form marked data-busy (a bulk run) says that it is working and cannot be sent twice.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!event.defaultPrevented && form.hasAttribute('data-busy')) {
    busy(form, form.dataset.busy);
  }
});

function busy(form, text) {
  form.querySelectorAll('button[type=submit]').forEach(function (b) {
    // disabled only after the submit has taken the button's value
    setTimeout(function () { b.disabled = true; });
  });
  var status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.className = 'working';
  status.textContent = text;
  var bar = document.createElement('progress');
  bar.setAttribute('aria-label', text);
  form.appendChild(status);
  form.appendChild(bar);
  return bar;
}

// The session ends after a spell without requests. A little before, say so and offer to go on, so
// nobody loses a half-filled form to a silent sign-out; once it has ended, say that too.
(function () {
  var meta = document.querySelector('meta[name="kyso-session"]');
  if (!meta) {
    return;
  }
  var seconds = Number(meta.content);
  var warnBefore = Math.min(120, seconds / 4);
  var warnTimer, endTimer, notice;

  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(function () { show(meta.dataset.warn, meta.dataset.stay, stay); }, (seconds - warnBefore) * 1000);
    endTimer = setTimeout(ended, seconds * 1000);
  }

  function ended() {
    clearTimeout(warnTimer);
    show(meta.dataset.ended, meta.dataset.signIn, function () { location.assign(meta.dataset.loginUrl); });
  }

  function show(text, label, action) {
    if (!notice) {
      notice = document.createElement('div');
      notice.className = 'notice session-notice';
      notice.id = 'session-notice';
      notice.setAttribute('role', 'alertdialog');
      notice.setAttribute('aria-live', 'assertive');
      document.body.appendChild(notice);
    }
    notice.textContent = '';
    var p = document.createElement('p');
    p.textContent = text;
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', action);
    notice.appendChild(p);
    notice.appendChild(button);
    button.focus();
  }

  function stay() {
    fetch(meta.dataset.aliveUrl, { credentials: 'same-origin', redirect: 'manual' }).then(function (r) {
      if (r.status === 204) {
        notice.remove();
        notice = null;
        schedule();
      } else {
        ended();
      }
    }, ended);
  }

  schedule();
})();
