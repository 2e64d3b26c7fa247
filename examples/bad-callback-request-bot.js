// A callback-style bot on the `request` package that solves reCAPTCHA through the 2captcha-style
// endpoints CapMonster also serves. One helper sends every call; its URL comes from each caller.
// Gets the account banned: the key may be missing (KeyDoesntExist), the in.php answer is used as a task
// id even when it is an ERROR_ code, and the result poll never gives up (WrongTaskId).
var request = require('request');

var API = 'https://api.capmonster.cloud';
var KEY = process.env.CAPMONSTER_KEY;

function call(path, query, cb) {
  request.get({ url: API + path, qs: query }, function (err, res, body) {
    if (err) return cb(err);
    cb(null, body);
  });
}

function submit(sitekey, pageurl, cb) {
  call('/in.php', { key: KEY, method: 'userrecaptcha', googlekey: sitekey, pageurl: pageurl }, function (err, text) {
    if (err) return cb(err);
    cb(null, text.split('|')[1]);
  });
}

function waitForToken(id, cb) {
  call('/res.php', { key: KEY, action: 'get', id: id }, function (err, text) {
    if (err) return cb(err);
    if (text.indexOf('OK|') === 0) return cb(null, text.slice(3));
    setTimeout(function () {
      waitForToken(id, cb);
    }, 5000);
  });
}

submit('6Le-wvkSAAAAAPBMRTvw0Q4Muexq9bi0DJwx_mJ-', 'https://example.com/signup', function (err, id) {
  if (err) throw err;
  waitForToken(id, function (err2, token) {
    if (err2) throw err2;
    console.log('token', token);
  });
});
