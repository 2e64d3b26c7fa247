// A userscript that fills in an hCaptcha answer on the page with XMLHttpRequest.
// Gets the account banned: the key is a placeholder (KeyDoesntExist), and an error reply is read as
// "not ready yet", so a failed task is polled again every 3 seconds for ever (WrongTaskId).
var CAPMONSTER_KEY = 'YOUR_CAPMONSTER_KEY';

function post(method, body, onReply) {
  var xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://api.capmonster.cloud/' + method);
  xhr.setRequestHeader('Content-Type', 'application/json');
  xhr.onload = function () {
    onReply(JSON.parse(this.responseText));
  };
  body.clientKey = CAPMONSTER_KEY;
  xhr.send(JSON.stringify(body));
}

function poll(taskId) {
  post('getTaskResult', { taskId: taskId }, function (reply) {
    if (reply.status === 'ready') {
      document.querySelector('[name="h-captcha-response"]').value = reply.solution.gRecaptchaResponse;
    } else {
      setTimeout(function () {
        poll(taskId);
      }, 3000);
    }
  });
}

post('createTask', { task: { type: 'HCaptchaTaskProxyless', websiteURL: location.href, websiteKey: document.querySelector('[data-sitekey]').dataset.sitekey } }, function (reply) {
  if (reply.errorId !== 0) return alert(reply.errorCode);
  poll(reply.taskId);
});
