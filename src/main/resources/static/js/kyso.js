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
