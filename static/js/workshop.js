// The live workshop: the phone page posts cards and votes, the projector board shows them as they arrive.
// Both listen to the workshop's Server-Sent Events; EventSource resumes with Last-Event-ID by itself, and when it
// has to be opened anew the page asks for what came after the last event it saw (?after=), so nothing is missed.
(function () {
    'use strict';
    var body = document.body;
    var role = body.dataset.role;
    if (role !== 'phone' && role !== 'board') {
        return;
    }
    var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
    var lastId = 0;
    var cards = {};
    var timerEnds = null;

    function send(method, url, data) {
        return fetch(url, {
            method: method,
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'Accept': 'application/json'},
            body: data === undefined ? undefined : JSON.stringify(data)
        }).then(function (res) {
            return res.json().catch(function () { return {}; }).then(function (json) {
                if (!res.ok) {
                    var error = new Error(json.message || json.title || String(res.status));
                    error.status = res.status;
                    throw error;
                }
                return json;
            });
        });
    }

    function el(tag, cls, text) {
        var e = document.createElement(tag);
        if (cls) {
            e.className = cls;
        }
        if (text !== undefined && text !== null) {
            e.textContent = text;  // markup in a card is shown as text
        }
        return e;
    }

    // ------------------------------------------------------------------ timer

    var timerEl = document.querySelector('.ws-timer');
    function tick() {
        if (!timerEl) {
            return;
        }
        if (!timerEnds) {
            timerEl.hidden = true;
            return;
        }
        var left = Math.max(0, Math.round((timerEnds - Date.now()) / 1000));
        timerEl.hidden = false;
        timerEl.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
        timerEl.classList.toggle('is-over', left === 0);
    }
    setInterval(tick, 500);
    function setTimer(endsAt) {
        timerEnds = endsAt ? Date.parse(endsAt) : null;
        tick();
    }

    // ------------------------------------------------------------------ events

    var source = null;
    function listen(url) {
        if (source) {
            source.close();
        }
        source = new EventSource(url + (url.indexOf('?') < 0 ? '?' : '&') + 'after=' + lastId);
        ['card', 'hidden', 'withdrawn', 'vote', 'phase', 'timer', 'focus', 'spotlight', 'closed', 'opened']
            .forEach(function (type) {
                source.addEventListener(type, function (e) {
                    var id = Number(e.lastEventId || 0);
                    if (id && id <= lastId) {
                        return;
                    }
                    lastId = id || lastId;
                    handle(type, JSON.parse(e.data || '{}'));
                });
            });
        source.onerror = function () {
            if (source.readyState === EventSource.CLOSED) {
                setTimeout(function () { listen(url); }, 1000);
            }
        };
    }

    function handle(type, data) {
        if (type === 'card') {
            showCard(data);
        } else if (type === 'hidden' || type === 'withdrawn') {
            removeCard(data.id);
        } else if (type === 'vote') {
            var c = cards[data.card];
            if (c) {
                c.votes = data.votes;
                var v = c.node.querySelector('.ws-votes');
                if (v) {
                    v.textContent = votesText(c.votes);
                }
            }
        } else if (type === 'phase') {
            setPhase(data.phase);
        } else if (type === 'timer') {
            setTimer(data.endsAt);
        } else if (type === 'focus') {
            setFocus(data.step);
        } else if (type === 'spotlight') {
            document.querySelectorAll('.ws-card.is-spotlight').forEach(function (n) { n.classList.remove('is-spotlight'); });
            if (data.card && cards[data.card]) {
                cards[data.card].node.classList.add('is-spotlight');
            }
        } else if (type === 'closed') {
            body.classList.add('is-closed');
            if (role === 'phone') {
                message(body.dataset.msgClosed, true);
                document.querySelectorAll('.ws-card-form button, .ws-card-form textarea').forEach(function (b) { b.disabled = true; });
            }
            if (source) {
                source.close();
            }
        }
    }

    function votesText(n) {
        return role === 'board' ? '● ' + n + ' ' + (body.dataset.msgVotes || '') : '● ' + n;
    }

    function listFor(step) {
        return role === 'board' ? document.querySelector('.ws-column[data-step="' + step + '"] .ws-cards')
            : document.querySelector('.ws-card-list');
    }

    function showCard(k) {
        if (k.hidden || k.withdrawn) {
            removeCard(k.id);
            return;
        }
        var known = cards[k.id];
        var node = known ? known.node : el('li', 'ws-card ws-card-' + k.kind.toLowerCase());
        node.textContent = '';
        node.dataset.card = k.id;
        node.dataset.testid = 'card';
        if (role === 'phone') {
            node.appendChild(el('span', 'ws-card-step', k.step + '.'));
        }
        node.appendChild(el('span', 'ws-card-text', k.text));
        if (k.author) {
            node.appendChild(el('span', 'ws-card-author', k.author));  // named workshops only; shown as text
        }
        node.appendChild(el('span', 'ws-votes', votesText(k.votes)));
        if (role === 'board') {
            var spot = el('button', 'ws-card-tool', body.dataset.msgSpotlight);
            spot.type = 'button';
            spot.dataset.action = 'spotlight';
            var hide = el('button', 'ws-card-tool', body.dataset.msgHide);
            hide.type = 'button';
            hide.dataset.action = 'hide';
            var pick = el('button', 'ws-card-tool ws-pick', selected.indexOf(k.id) >= 0
                ? body.dataset.msgSelected : body.dataset.msgSelect);
            pick.type = 'button';
            pick.dataset.action = 'select';
            pick.dataset.testid = 'select';
            pick.setAttribute('aria-pressed', String(selected.indexOf(k.id) >= 0));
            node.appendChild(spot);
            node.appendChild(hide);
            node.appendChild(pick);
            if (k.became) {
                var code = k.became.split(':')[0];
                var became = el('span', 'ws-became', '→ ' + (body.dataset['became' + code.charAt(0).toUpperCase()
                    + code.slice(1)] || code));
                became.dataset.testid = 'became';
                node.appendChild(became);
            }
        } else if (mine.indexOf(k.id) >= 0) {
            var withdraw = el('button', 'ws-card-tool', body.dataset.msgWithdraw);
            withdraw.type = 'button';
            withdraw.dataset.action = 'withdraw';
            node.appendChild(withdraw);
        }
        if (role === 'phone') {
            var vote = el('button', 'ws-vote', voted.indexOf(k.id) >= 0 ? body.dataset.msgVoted : body.dataset.msgVote);
            vote.type = 'button';
            vote.dataset.action = 'vote';
            vote.disabled = voted.indexOf(k.id) >= 0;
            node.appendChild(vote);
        }
        if (!known) {
            var list = listFor(k.step);
            if (list) {
                list.appendChild(node);
            }
            cards[k.id] = {node: node, votes: k.votes};
            count();
        }
    }

    function removeCard(id) {
        var c = cards[id];
        if (c) {
            c.node.remove();
            delete cards[id];
            count();
        }
        // a hidden or withdrawn card can no longer be picked for the 決める panel
        var at = selected.indexOf(id);
        if (at >= 0) {
            selected.splice(at, 1);
            showSelected();
        }
    }

    function count() {
        var n = document.querySelector('.ws-count');
        if (n) {
            n.textContent = String(Object.keys(cards).length);
        }
    }

    function setPhase(phase) {
        body.dataset.phase = phase;
        document.querySelectorAll('.ws-phase-button').forEach(function (b) {
            b.classList.toggle('is-current', b.dataset.phase === phase);
        });
        var p = document.querySelector('.ws-phone .ws-phase');
        var label = body.dataset['phase' + phase.charAt(0) + phase.slice(1).toLowerCase()];
        if (p && label) {
            p.textContent = label;
        }
    }

    function setFocus(step) {
        document.querySelectorAll('[data-step]').forEach(function (n) {
            n.classList.toggle('is-focus', String(step) === n.dataset.step);
        });
    }

    // ------------------------------------------------------------------ phone

    var mine = [];
    var voted = [];
    var selected = [];  // the board's cards chosen for the 決める panel, in the order they were chosen
    var showSelected = function () {};  // the board's count of them (set below, for the board only)
    var messageEl = document.querySelector('.ws-message');
    function message(text, bad) {
        if (messageEl) {
            messageEl.textContent = text || '';
            messageEl.classList.toggle('is-error', !!bad);
        }
    }

    if (role === 'phone') {
        var form = document.querySelector('.ws-card-form');
        var text = form.querySelector('textarea');
        var composing = false;
        // Japanese input: Enter confirms a conversion while composing, it never sends the card
        text.addEventListener('compositionstart', function () { composing = true; });
        text.addEventListener('compositionend', function () { composing = false; });
        text.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' && (e.isComposing || composing || e.keyCode === 229)) {
                e.stopPropagation();
            }
        });
        form.addEventListener('submit', function (e) {
            e.preventDefault();
            if (composing) {
                return;
            }
            var step = form.querySelector('input[name="step"]:checked');
            var kind = form.querySelector('input[name="kind"]:checked');
            var emotion = form.querySelector('select[name="emotion"]').value;
            var data = {step: step ? Number(step.value) : null, kind: kind ? kind.value : null, text: text.value};
            if (emotion !== '') {
                data.emotion = Number(emotion);
            }
            var button = form.querySelector('button[type="submit"]');
            button.disabled = true;
            send('POST', body.dataset.cardsUrl, data).then(function (card) {
                mine.push(card.id);
                showCard(card);
                text.value = '';
                message(body.dataset.msgSent, false);
            }).catch(function (err) {
                message(err.message, true);
            }).then(function () {
                button.disabled = false;
            });
        });
        document.querySelector('.ws-card-list').addEventListener('click', function (e) {
            var b = e.target.closest('button[data-action]');
            if (!b) {
                return;
            }
            var id = Number(b.closest('[data-card]').dataset.card);
            var url = body.dataset.cardsUrl + '/' + id;
            if (b.dataset.action === 'vote') {
                send('POST', url + '/vote').then(function () {
                    voted.push(id);
                    b.disabled = true;
                    b.textContent = body.dataset.msgVoted;
                }).catch(function (err) { message(err.message, true); });
            } else if (b.dataset.action === 'withdraw') {
                send('DELETE', url).then(function () { removeCard(id); })
                    .catch(function (err) { message(err.message, true); });
            }
        });
        send('GET', body.dataset.joinedUrl).then(function (view) {
            mine = view.mine;
            voted = view.voted;
            view.cards.forEach(showCard);
            setPhase(view.workshop.phase);
            setTimer(view.workshop.timerEndsAt);
            setFocus(view.workshop.focusStep);
            lastId = view.lastEvent;
            listen(body.dataset.eventsUrl);
        }).catch(function (err) { message(err.message, true); });
    }

    // ------------------------------------------------------------------ board

    if (role === 'board') {
        var version = Number(body.dataset.version);
        var url = body.dataset.workshopUrl;
        function patch(data) {
            data.version = version;
            return send('PATCH', url, data).then(function (w) {
                version = w.version;
                return w;
            }).catch(function (err) {
                if (err.status === 409) {
                    return send('GET', url).then(function (w) {
                        version = w.workshop.version;
                    });
                }
            });
        }
        document.querySelector('.ws-phases').addEventListener('click', function (e) {
            var b = e.target.closest('button[data-phase]');
            if (b) {
                patch({phase: b.dataset.phase});
            }
        });
        document.querySelectorAll('button[data-timer]').forEach(function (b) {
            b.addEventListener('click', function () { patch({timerSeconds: Number(b.dataset.timer)}); });
        });
        document.querySelector('button[data-fullscreen]').addEventListener('click', function () {
            if (document.fullscreenElement) {
                document.exitFullscreen();
            } else if (document.documentElement.requestFullscreen) {
                document.documentElement.requestFullscreen();
            }
        });
        document.querySelector('.ws-columns').addEventListener('click', function (e) {
            var b = e.target.closest('button[data-action]');
            if (b) {
                var id = Number(b.closest('[data-card]').dataset.card);
                if (b.dataset.action === 'hide') {
                    send('POST', body.dataset.hideUrl + id + '/hide', {hidden: true});
                } else if (b.dataset.action === 'select') {
                    var at = selected.indexOf(id);
                    if (at >= 0) {
                        selected.splice(at, 1);
                    } else {
                        selected.push(id);
                    }
                    b.textContent = at >= 0 ? body.dataset.msgSelect : body.dataset.msgSelected;
                    b.setAttribute('aria-pressed', String(at < 0));
                    cards[id].node.classList.toggle('is-selected', at < 0);
                    showSelected();
                } else if (b.dataset.action === 'spotlight') {
                    patch({spotlight: cards[id] && cards[id].node.classList.contains('is-spotlight') ? null : id});
                }
                return;
            }
            var column = e.target.closest('.ws-column');
            if (column) {
                patch({focusStep: Number(column.dataset.step)});
            }
        });
        // the 決める panel: the first selected card becomes an action; all selected cards become a 課題
        var decided = document.querySelector('.ws-decided');
        var actionText = document.querySelector('.ws-to-action textarea');
        showSelected = function () {
            document.querySelector('.ws-selected').textContent =
                body.dataset.msgSelectedCount.replace('{0}', String(selected.length));
            if (selected.length && !actionText.value && cards[selected[0]]) {
                actionText.value = cards[selected[0]].node.querySelector('.ws-card-text').textContent;
            }
        };
        function promote(data, form) {
            if (!selected.length) {
                decided.textContent = body.dataset.msgPick;
                return;
            }
            var first = selected[0];
            data.cards = selected.slice(1);
            send('POST', body.dataset.hideUrl + first + '/promote', data).then(function () {
                decided.textContent = body.dataset.msgDone.replace('{0}', form.querySelector('button').textContent);
                selected.forEach(function (id) {
                    if (cards[id]) {
                        cards[id].node.classList.remove('is-selected');
                        var pick = cards[id].node.querySelector('.ws-pick');
                        if (pick) {
                            pick.textContent = body.dataset.msgSelect;
                            pick.setAttribute('aria-pressed', 'false');
                        }
                    }
                });
                selected = [];
                form.reset();
                showSelected();
            }).catch(function (err) { decided.textContent = err.message; });
        }
        document.querySelector('.ws-to-action').addEventListener('submit', function (e) {
            e.preventDefault();
            var f = e.target;
            var kind = f.querySelector('input[name="kind"]:checked');
            // no kind is sent unless one was chosen: the server asks for it rather than assume 行政
            promote({to: 'action', actor: f.actor.value, kind: kind ? kind.value : null, text: f.text.value}, f);
        });
        document.querySelector('.ws-to-challenge').addEventListener('submit', function (e) {
            e.preventDefault();
            var f = e.target;
            var data = {to: 'challenge'};
            if (f.challenge.value) {
                data.challenge = Number(f.challenge.value);
            } else {
                data.title = f.title.value;
            }
            promote(data, f);
        });
        send('GET', url).then(function (view) {
            version = view.workshop.version;
            setPhase(view.workshop.phase);
            setTimer(view.workshop.timerEndsAt);
            setFocus(view.workshop.focusStep);
            // the stream starts at the beginning: every stored card arrives through it, in order
            listen(body.dataset.eventsUrl);
        });
    }

    // ------------------------------------------------------------------ named workshops: the phone's name

    var nameForm = role === 'phone' ? document.querySelector('.ws-name-form') : null;
    if (nameForm) {
        var nameInput = nameForm.querySelector('input[name="name"]');
        var nameMessage = nameForm.querySelector('.ws-message');
        var named = false;
        var say = function (text, bad) {
            nameMessage.textContent = text;
            nameMessage.classList.toggle('is-error', !!bad);
        };
        // a card is sent only after the phone has said its name (asked for at join)
        document.addEventListener('submit', function (e) {
            if (!named && e.target.classList.contains('ws-card-form')) {
                e.preventDefault();
                e.stopPropagation();
                say(nameForm.dataset.msgFirst, true);
                nameInput.focus();
            }
        }, true);
        nameForm.addEventListener('submit', function (e) {
            e.preventDefault();
            send('PUT', nameForm.dataset.nameUrl, {name: nameInput.value}).then(function (answer) {
                named = true;
                nameInput.value = answer.name;
                say(nameForm.dataset.msgSaved, false);
            }).catch(function (err) { say(err.message, true); });
        });
        send('GET', nameForm.dataset.nameUrl).then(function (answer) {
            if (answer.name) {
                named = true;
                nameInput.value = answer.name;
            }
        }).catch(function () { /* the card form says what is wrong */ });
    }
})();
