// The AuthorBot chat page: Web Chat over the bot's own Direct Line endpoint on this origin.
// The bot issues the reader's id itself and keeps it in an httpOnly cookie only the token endpoint sees, so the bot
// recognizes the reader on every visit from this browser and nobody can claim their id; the conversation is kept per
// tab (sessionStorage) so a reload shows the history and carries on where the dialog was.
(function () {
  'use strict';

  // Pages before the cookie kept a self-chosen id here; it proves nothing, so it is forgotten.
  var OLD_USER_KEY = 'authorbot.userId';
  var CONVERSATION_KEY = 'authorbot.conversation';
  var RESTART_KEY = 'authorbot.restartedAt';
  // A saved token this close to expiry is not worth resuming with: it could expire before Web Chat refreshes it.
  var MIN_TOKEN_LIFE_MS = 60 * 1000;
  var STATUS_EXPIRED_TOKEN = 3;
  var STATUS_FAILED_TO_CONNECT = 4;
  var STATUS_ENDED = 5;

  var webSocket = new URLSearchParams(window.location.search).get('transport') !== 'polling';
  var domain = new URL('v3/directline', document.baseURI).href;
  var container = document.getElementById('webchat');
  var current = null;

  function readStorage(storage, key) {
    try { return storage.getItem(key); } catch (e) { return null; }
  }

  function writeStorage(storage, key, value) {
    try {
      if (value === null) { storage.removeItem(key); } else { storage.setItem(key, value); }
    } catch (e) { /* private mode or full storage: the chat still works, the reader is just not remembered */ }
  }

  // Web Chat reads the user from the token the same way: the JWT payload, decoded without verification.
  function tokenClaims(token) {
    try {
      var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(window.atob(payload + '==='.slice((payload.length + 3) % 4)));
    } catch (e) {
      return null;
    }
  }

  function savedConversation() {
    var saved;
    try { saved = JSON.parse(readStorage(window.sessionStorage, CONVERSATION_KEY) || 'null'); } catch (e) { saved = null; }
    var claims = saved && typeof saved.token === 'string' ? tokenClaims(saved.token) : null;
    if (!claims || typeof claims.user !== 'string' || typeof claims.exp !== 'number' || claims.exp * 1000 - Date.now() < MIN_TOKEN_LIFE_MS) {
      return null;
    }
    return saved;
  }

  function saveConversation(directLine) {
    if (directLine.conversationId && directLine.token) {
      writeStorage(window.sessionStorage, CONVERSATION_KEY, JSON.stringify({ conversationId: directLine.conversationId, token: directLine.token }));
    }
  }

  // The reader cookie travels with the request (same origin) and comes back renewed; the answer names the reader id.
  async function newToken() {
    var response = await fetch('api/directline/token', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: '{}'
    });
    if (!response.ok) {
      throw new Error('the token endpoint answered ' + response.status);
    }
    return response.json();
  }

  // The author's look from author.json; the page still works (plain, as AuthorBot) when it cannot be read.
  async function loadBranding() {
    try {
      var response = await fetch('api/chat/branding', { headers: { Accept: 'application/json' } });
      return response.ok ? await response.json() : null;
    } catch (e) {
      return null;
    }
  }

  function initials(name) {
    return name.split(/\s+/).filter(Boolean).slice(0, 2).map(function (word) { return word.charAt(0).toUpperCase(); }).join('');
  }

  // The header shows who the reader is talking to; Web Chat gets the same accent and photo through styleOptions.
  function applyBranding(branding) {
    if (!branding || typeof branding.name !== 'string') {
      return {};
    }

    document.title = 'Chat with ' + branding.name;
    document.getElementById('author-name').textContent = branding.name;
    container.setAttribute('aria-label', 'Chat with ' + branding.name);
    var tagline = document.getElementById('author-tagline');
    if (branding.tagline) {
      tagline.textContent = branding.tagline;
      tagline.hidden = false;
    }

    var photo = document.getElementById('author-photo');
    if (branding.photo) {
      photo.src = new URL(branding.photo, document.baseURI).href;
      photo.hidden = false;
    }

    if (/^#[0-9a-f]{6}$/i.test(branding.accentColor || '')) {
      document.documentElement.style.setProperty('--accent', branding.accentColor);
    }

    return {
      accent: branding.accentColor,
      botAvatarImage: branding.photo ? new URL(branding.photo, document.baseURI).href : undefined,
      botAvatarInitials: initials(branding.name)
    };
  }

  // Sizes that keep a card inside a phone's width: Web Chat's defaults (250-480 px bubbles, a 40 px avatar) overflow
  // a 390 px screen. Suggested actions wrap onto lines ("flow") instead of a carousel whose arrows cover buttons.
  function layoutOptions() {
    var width = container.clientWidth || window.innerWidth;
    var narrow = width < 600;
    var options = {
      hideUploadButton: true,
      suggestedActionLayout: 'flow',
      richCardWrapTitle: true
    };
    if (narrow) {
      options.avatarSize = 32;
      options.bubbleMinWidth = 0;
      options.bubbleMaxWidth = Math.max(200, width - 32 - 40);
    }
    return options;
  }

  // A carousel on a phone is a strip of cards running off the right edge behind arrows: there, the same cards come as
  // a list, one under the other, each as wide as the screen allows.
  function createStore() {
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          var activity = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity;
          if (activity && activity.attachmentLayout === 'carousel' && (container.clientWidth || window.innerWidth) < 600) {
            action = Object.assign({}, action, {
              payload: Object.assign({}, action.payload, { activity: Object.assign({}, activity, { attachmentLayout: 'list' }) })
            });
          }
          return next(action);
        };
      };
    });
  }

  function showError(message) {
    var error = document.getElementById('chat-error');
    error.textContent = message;
    error.hidden = false;
  }

  async function start() {
    var branding = applyBranding(await loadBranding());
    writeStorage(window.localStorage, OLD_USER_KEY, null);
    var saved = savedConversation();
    var options = { domain: domain, webSocket: webSocket };
    if (saved) {
      // Resuming: Web Chat asks GET conversations/{id} for a fresh token and stream, then replays the whole log.
      options.token = saved.token;
      options.conversationId = saved.conversationId;
    } else {
      writeStorage(window.sessionStorage, CONVERSATION_KEY, null);
      options.token = (await newToken()).token;
    }

    var directLine = window.WebChat.createDirectLine(options);
    current = directLine;
    directLine.connectionStatus$.subscribe(function (status) {
      if ((status === STATUS_FAILED_TO_CONNECT && saved) || status === STATUS_EXPIRED_TOKEN || status === STATUS_ENDED) {
        startOver();
      } else {
        saveConversation(directLine);
      }
    });
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: createStore(),
      locale: navigator.language || 'en-US',
      styleOptions: Object.assign(layoutOptions(), branding)
    }, container);
  }

  // The saved conversation is gone (past retention), or the token expired while the computer slept: forget it and
  // load again with a new conversation; the bot still knows the reader by their id. At most once a minute, so a
  // server that keeps refusing shows Web Chat's own error instead of a reload loop.
  function startOver() {
    var last = Number(readStorage(window.sessionStorage, RESTART_KEY)) || 0;
    if (Date.now() - last < 60 * 1000) {
      return;
    }
    current = null;
    writeStorage(window.sessionStorage, RESTART_KEY, String(Date.now()));
    writeStorage(window.sessionStorage, CONVERSATION_KEY, null);
    window.location.reload();
  }

  // Direct Line's poller gives up for good when an activity GET fails with anything but 403/404 (the bot restarting,
  // the network dropping), while the status stays "online": Web Chat would sit there deaf. Its requests are
  // XMLHttpRequests, so the page sees that failure, waits for the bot to answer again and reloads into the same
  // conversation (the log replays, the dialog carries on). Bounded: after 30 minutes the reader is asked to reload.
  function watchPolls() {
    var open = XMLHttpRequest.prototype.open;
    var recovering = false;
    XMLHttpRequest.prototype.open = function (method, url) {
      if (method === 'GET' && /\/activities\?watermark=/.test(String(url))) {
        this.addEventListener('loadend', function () {
          if (!recovering && this.status !== 200 && this.status !== 403 && this.status !== 404) {
            recovering = true;
            recoverWhenBotAnswers();
          }
        });
      }
      return open.apply(this, arguments);
    };
  }

  function recoverWhenBotAnswers() {
    if (current) {
      saveConversation(current);
    }
    var deadline = Date.now() + 30 * 60 * 1000;
    var delay = 500;
    var retry = function () {
      if (Date.now() > deadline) {
        showError('The chat lost its connection to the bot. Reload the page to try again.');
        return;
      }
      delay = Math.min(delay * 2, 15 * 1000);
      window.setTimeout(probe, delay);
    };
    var probe = function () {
      fetch('healthz', { cache: 'no-store' }).then(function (response) {
        if (response.ok) {
          window.location.reload();
        } else {
          retry();
        }
      }, retry);
    };
    window.setTimeout(probe, delay);
  }

  function fail(error) {
    showError('The chat could not start (' + (error && error.message ? error.message : error) + '). Reload the page to try again.');
  }

  // Web Chat refreshes its token every 15 minutes; keep the newest one so a reload can resume the conversation.
  window.setInterval(function () { if (current) { saveConversation(current); } }, 60 * 1000);
  window.addEventListener('pagehide', function () { if (current) { saveConversation(current); } });

  if (!webSocket) {
    watchPolls();
  }

  start().catch(fail);
})();
