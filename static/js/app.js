// Progressive enhancement only: every page works without this file.
// When a link points at a step of a journey map (#b-step-3), scroll that column into view and highlight it.
document.addEventListener("DOMContentLoaded", function () {
    if (!location.hash) {
        return;
    }
    var target = document.getElementById(decodeURIComponent(location.hash.substring(1)));
    if (target && target.classList.contains("step")) {
        target.scrollIntoView({block: "nearest", inline: "center"});
        target.classList.add("highlight");
    }
});

// The journey map's editing mode (section.journey[data-editor]): cells edit in place through the JSON API;
// every control is also a plain link or form that works without this script.
(function () {
    "use strict";

    var editing = null;       // the cell being edited, if any

    function section() {
        return document.querySelector("section.journey[data-editor]");
    }

    function statusBox() {
        return document.querySelector("section.journey[data-editor] .editor-status");
    }

    function msg(name, arg) {
        var box = statusBox();
        var text = box ? (box.dataset[name] || "") : "";
        return arg === undefined ? text : text.replace("{0}", arg);
    }

    function say(text, button, problem) {
        var box = statusBox();
        if (!box) {
            return;
        }
        box.classList.toggle("problem", !!problem);
        box.textContent = text;
        if (button) {
            box.appendChild(document.createTextNode(" "));
            box.appendChild(button);
        }
    }

    function csrf() {
        var meta = document.querySelector('meta[name="csrf-token"]');
        return meta ? meta.content : "";
    }

    function api(method, path, body) {
        return fetch(section().dataset.api + path, {
            method: method,
            credentials: "same-origin",
            headers: {"Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf()},
            body: body === undefined ? undefined : JSON.stringify(body)
        }).then(function (response) {
            return response.text().then(function (text) {
                var data = null;
                try {
                    data = text ? JSON.parse(text) : null;
                } catch (e) {
                    data = null;
                }
                return {status: response.status, body: data, change: response.headers.get("Kusari-Change")};
            });
        });
    }

    function failure(result) {
        return msg("failed", (result.body && result.body.message) || String(result.status));
    }

    // --- live: the map is pushed (section.journey[data-events]); no polling, no page downloads ---

    var pending = null;       // a pushed map that waits while the person is typing in a field
    var wanted = null;        // what to focus once the map with one's own change has come ({selector, edit, until})
    var stream = null;

    /** Someone is in the middle of something on the map that a fresh map would throw away. */
    function busy() {
        return !!editing || !!document.querySelector("section.journey details.add-action[open]");
    }

    function focusWanted(root) {
        if (!wanted || Date.now() > wanted.until) {
            wanted = null;
            return;
        }
        var target = root.querySelector(wanted.selector);
        if (target) {
            target.scrollIntoView({block: "nearest", inline: "center"});
            if (wanted.edit) {
                wanted = null;
                startEdit(target);
            } else {
                target.focus();
            }
        }
    }

    /**
     * After one's own change: the change comes back by push like everyone else's, and {@code focusSelector} is
     * focused in the map that carries it (its editor opened when {@code edit} is set: a newly inserted step).
     */
    function refresh(focusSelector, edit) {
        var root = section();
        if (focusSelector && root) {
            wanted = {selector: focusSelector, edit: !!edit, until: Date.now() + 3000};
            focusWanted(root);
        }
        return Promise.resolve();
    }

    /** Puts a pushed map in place of the shown one, keeping the scroll position and the status line. */
    function apply(html) {
        var current = document.querySelector("section.journey[data-events]");
        if (!current) {
            return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(current.id);
        if (!fresh) {
            return;
        }
        var scroller = current.querySelector(".map-scroll");
        var left = scroller ? scroller.scrollLeft : 0;
        var oldStatus = current.querySelector(".editor-status");
        current.replaceWith(fresh);
        var newStatus = fresh.querySelector(".editor-status");
        if (oldStatus && newStatus) {
            newStatus.replaceWith(oldStatus);
        }
        var freshScroller = fresh.querySelector(".map-scroll");
        if (freshScroller) {
            freshScroller.scrollLeft = left;
        }
        // when and how often a pushed map was put in place (what the browser tests measure)
        window.kusariLiveUpdates = (window.kusariLiveUpdates || 0) + 1;
        window.kusariLiveAppliedAt = Date.now();
        if (fresh.dataset.editor) {
            bind(fresh);
            focusWanted(fresh);
        }
    }

    /** A map that waited for the person to finish typing is shown now. */
    function applyPending() {
        if (pending && !busy()) {
            var html = pending;
            pending = null;
            apply(html);
        }
    }

    var sent = null;          // the text of the map this stream sent last, which its patches apply to
    var sentId = null;

    /** Applies a line patch: ["=", n] keeps n lines, ["-", n] drops n, ["+", text] inserts the text's lines. */
    function patched(text, ops) {
        var lines = text.split("\n");
        var out = [];
        var i = 0;
        ops.forEach(function (op) {
            if (op[0] === "=") {
                out.push.apply(out, lines.slice(i, i + op[1]));
                i += op[1];
            } else if (op[0] === "-") {
                i += op[1];
            } else {
                out.push.apply(out, op[1].split("\n"));
            }
        });
        return out.join("\n");
    }

    /** A patch this page cannot apply: a new stream, which starts with the whole map. */
    function restart(root) {
        stream.close();
        stream = null;
        sent = null;
        sentId = null;
        root.dataset.change = "0";
        listen(root);
    }

    function listen(root) {
        if (!window.EventSource || stream) {
            return;
        }
        // EventSource sends the last event's id itself when it reconnects, so nothing is missed
        var url = root.dataset.events;
        url += (url.indexOf("?") < 0 ? "?" : "&") + "after=" + encodeURIComponent(root.dataset.change || "0");
        stream = new EventSource(url);
        stream.addEventListener("open", function () {
            document.documentElement.dataset.live = "open";
        });
        stream.addEventListener("error", function () {
            document.documentElement.dataset.live = "reconnecting";
        });
        stream.addEventListener("journey", function (e) {
            var data = JSON.parse(e.data);
            var html = data.html;
            if (html === undefined) {
                // only the lines that changed since the map this stream sent last
                if (sent === null || sentId !== data.base) {
                    restart(root);
                    return;
                }
                html = patched(sent, data.patch);
            }
            sent = html;
            sentId = data.latest;
            if (busy()) {
                // never over someone's typing: they are told, and saving meets the newer version (409)
                pending = html;
                say(msg("newer"));
                return;
            }
            pending = null;
            apply(html);
        });
        stream.addEventListener("journey-gone", function () {
            stream.close();
            if (!busy()) {
                window.location.reload();
            }
        });
    }

    function button(text, onClick, testId) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = text;
        if (testId) {
            b.dataset.testid = testId;
        }
        b.addEventListener("click", onClick);
        return b;
    }

    /** Opens an editor over one cell, based on the version current when editing starts. */
    function startEdit(cell) {
        if (editing) {
            return;
        }
        editing = cell;
        var path = "/" + cell.dataset.edit;
        var field = cell.dataset.field;
        var multiline = !!cell.dataset.multiline;
        api("GET", path).then(function (r) {
            if (r.status !== 200) {
                editing = null;
                say(failure(r), null, true);
                return;
            }
            var version = r.body.version;
            var original = r.body[field] === null ? "" : String(r.body[field]);
            var box = document.createElement(multiline ? "textarea" : "input");
            box.className = "inplace";
            box.value = original;
            box.dataset.testid = "inplace-editor";
            box.setAttribute("aria-label", cell.getAttribute("aria-label") || field);
            var panel = null;
            var closed = false;
            cell.hidden = true;
            cell.after(box);
            box.focus();
            box.select();

            function close() {
                if (closed) {
                    return;
                }
                closed = true;
                box.remove();
                if (panel) {
                    panel.remove();
                }
                cell.hidden = false;
                editing = null;
                window.setTimeout(applyPending, 0);
            }

            function save(basedOn) {
                say(msg("saving"));
                var body = {version: basedOn};
                body[field] = box.value;
                api("PATCH", path, body).then(function (res) {
                    if (res.status === 200) {
                        close();
                        cell.textContent = res.body[field];
                        offerUndo(msg("savedText"), [res.change]);
                        refresh();
                    } else if (res.status === 409) {
                        showConflict(res.body.current);
                    } else {
                        say(failure(res), null, true);
                        box.focus();
                    }
                });
            }

            // Someone saved first: their text beside ours, and the choice is the person's.
            function showConflict(current) {
                if (panel) {
                    panel.remove();
                }
                panel = document.createElement("div");
                panel.className = "inplace-conflict";
                panel.setAttribute("role", "alert");
                panel.dataset.testid = "inplace-conflict";
                var head = document.createElement("p");
                head.textContent = msg("conflict");
                panel.appendChild(head);
                if (current) {
                    var theirs = document.createElement("p");
                    theirs.className = "theirs";
                    var label = document.createElement("strong");
                    label.textContent = msg("theirs") + ": ";
                    theirs.appendChild(label);
                    var value = document.createElement("span");
                    value.dataset.testid = "conflict-theirs";
                    value.textContent = current[field] === null ? "" : String(current[field]);
                    theirs.appendChild(value);
                    panel.appendChild(theirs);
                    var mine = document.createElement("p");
                    mine.textContent = msg("mine") + " ↑";
                    panel.appendChild(mine);
                    panel.appendChild(button(msg("keepMine"), function () {
                        save(current.version);
                    }, "conflict-keep-mine"));
                    panel.appendChild(button(msg("takeTheirs"), function () {
                        close();
                        refresh();
                    }, "conflict-take-theirs"));
                } else {
                    panel.appendChild(button(msg("takeTheirs"), function () {
                        close();
                        refresh();
                    }, "conflict-take-theirs"));
                }
                box.after(panel);
                say(msg("conflict"), null, true);
            }

            box.addEventListener("keydown", function (e) {
                if (e.isComposing || e.keyCode === 229) {
                    return; // Enter that confirms a Japanese input conversion is not a save
                }
                if (e.key === "Escape") {
                    e.preventDefault();
                    close();
                    cell.focus();
                } else if (e.key === "Enter" && !(multiline && e.shiftKey)) {
                    e.preventDefault();
                    if (box.value === original && !panel) {
                        close();
                        cell.focus();
                    } else if (!panel) {
                        save(version);
                    }
                }
            });
        });
    }

    function moveStep(stepId, index) {
        api("POST", "/steps/" + stepId + "/move", {index: Math.max(0, index)}).then(function (r) {
            if (r.status === 200) {
                offerUndo(msg("moved"), [r.change]);
                refresh('[data-step-id="' + stepId + '"] .step-title');
            } else {
                say(failure(r), null, true);
            }
        });
    }

    // --- editor: undo in place for every change, and adding an action next to its step ---

    /**
     * Says what was just done, with a 元に戻す button that reverts exactly the history entries {@code changes}
     * (in that order: the newest first); a change the server did not name (nothing changed) offers no undo.
     */
    function offerUndo(text, changes, testId) {
        var ids = changes.filter(function (c) {
            return c !== null && c !== undefined && c !== "" && c !== "0";
        });
        if (!ids.length) {
            say(text);
            return;
        }
        say(text, button(msg("undo"), function (e) {
            e.target.disabled = true;
            undoChanges(ids);
        }, testId || "undo"));
    }

    function undoChanges(ids) {
        return api("POST", "/history/" + ids[0] + "/revert").then(function (res) {
            if (res.status !== 200) {
                say(failure(res), null, true);
                return refresh();
            }
            if (ids.length > 1) {
                return undoChanges(ids.slice(1));
            }
            say(msg("undone"));
            return refresh();
        });
    }

    /**
     * ＋取組 in a step's heading opens a small form there. A name not yet registered is added as a new actor
     * only once the person has said whether it is 行政 or 行政以外: nothing is filed as government by default.
     */
    function bindAddAction(root) {
        root.querySelectorAll("details.add-action").forEach(function (details) {
            var th = details.closest("th.step");
            details.addEventListener("toggle", function () {
                // a heading that can be dragged would turn selecting text in the form into moving the step
                if (th) {
                    th.draggable = !details.open;
                }
                if (!details.open) {
                    applyPending();
                }
                if (details.open) {
                    var first = details.querySelector('input[name="actor"]');
                    if (first) {
                        first.focus();
                    }
                }
            });
            details.addEventListener("keydown", function (e) {
                if (e.key === "Escape" && details.open) {
                    e.preventDefault();
                    details.open = false;
                    details.querySelector("summary").focus();
                }
                e.stopPropagation(); // Alt+arrow in the form is not a move of the step
            });
        });
        root.querySelectorAll('form[data-js="add-action"]').forEach(function (form) {
            var problem = form.querySelector(".add-action-problem");

            function complain(text) {
                say(text, null, true);
                if (problem) {
                    problem.textContent = text;
                    problem.hidden = false;
                }
            }

            form.addEventListener("submit", function (e) {
                e.preventDefault();
                var name = form.elements.actor.value.trim();
                var known = Array.prototype.some.call(
                    document.querySelectorAll("#" + form.elements.actor.getAttribute("list") + " option"),
                    function (o) {
                        return o.value === name;
                    });
                var kind = form.querySelector('input[name="kind"]:checked');
                if (name && !known && !kind) {
                    complain(msg("chooseKind", name));
                    form.querySelector('input[name="kind"]').focus();
                    return;
                }
                fetch(form.action, {
                    method: "POST", credentials: "same-origin",
                    body: new URLSearchParams(new FormData(form))
                }).then(function (r) {
                    if (r.ok) {
                        var panel = form.closest("details");
                        if (panel) {
                            panel.open = false; // done with the form: the pushed map may replace it now
                        }
                        var url = new URL(r.url);
                        var newActor = url.searchParams.get("newActor");
                        offerUndo(newActor ? msg("actionAndActorAdded", name) : msg("actionAdded"),
                            [url.searchParams.get("done"), newActor]);
                        refresh();
                    } else {
                        return r.text().then(function (html) {
                            var page = new DOMParser().parseFromString(html, "text/html");
                            var text = page.querySelector("main p");
                            complain(msg("failed", text ? text.textContent : String(r.status)));
                        });
                    }
                });
            });
        });
    }

    // --- end editor ---

    function bind(root) {
        root.querySelectorAll("[data-edit]").forEach(function (cell) {
            cell.tabIndex = 0;
            cell.classList.add("editable");
            cell.addEventListener("click", function () {
                startEdit(cell);
            });
            cell.addEventListener("keydown", function (e) {
                if (e.key === "Enter" || e.key === "F2") {
                    e.preventDefault();
                    startEdit(cell);
                }
            });
        });
        root.querySelectorAll(".js-hide").forEach(function (el) {
            el.hidden = true;
        });
        root.querySelectorAll('form[data-js="move"]').forEach(function (form) {
            form.addEventListener("submit", function (e) {
                e.preventDefault();
                moveStep(form.closest("[data-step-id]").dataset.stepId, Number(form.dataset.index));
            });
        });
        root.querySelectorAll('form[data-js="score"] select').forEach(function (select) {
            select.addEventListener("change", function () {
                var form = select.form;
                api("PATCH", "/steps/" + select.dataset.step, {
                    version: Number(form.elements.version.value), emotionScore: Number(select.value)
                }).then(function (r) {
                    if (r.status === 200) {
                        offerUndo(msg("savedScore"), [r.change]);
                        refresh();
                    } else if (r.status === 409) {
                        say(msg("conflict"), null, true);
                        refresh();
                    } else {
                        say(failure(r), null, true);
                    }
                });
            });
        });
        root.querySelectorAll('a[data-js="insert"]').forEach(function (link) {
            link.addEventListener("click", function (e) {
                e.preventDefault();
                api("POST", "/steps", {
                    journey: Number(section().dataset.journeyId), title: msg("newStep"), index: Number(link.dataset.index)
                }).then(function (r) {
                    if (r.status === 201) {
                        offerUndo(msg("inserted"), [r.change]);
                        refresh('[data-edit="steps/' + r.body.id + '"][data-field="title"]', true);
                    } else {
                        say(failure(r), null, true);
                    }
                });
            });
        });
        root.querySelectorAll('a[data-js="delete"]').forEach(function (link) {
            link.addEventListener("click", function (e) {
                e.preventDefault();
                var stepId = link.closest("[data-step-id]").dataset.stepId;
                api("DELETE", "/steps/" + stepId).then(function (r) {
                    if (r.status !== 200) {
                        say(failure(r), null, true);
                        return;
                    }
                    var change = r.body.change;
                    refresh().then(function () {
                        offerUndo(msg("deleted"), [change], "undo-delete");
                    });
                });
            });
        });
        bindAddAction(root);
        // Drag a step's heading onto another to put it there; the buttons do the same by keyboard.
        root.querySelectorAll("th.step[data-step-id]").forEach(function (th) {
            th.draggable = true;
            th.addEventListener("dragstart", function (e) {
                e.dataTransfer.setData("text/plain", th.dataset.stepId);
                e.dataTransfer.effectAllowed = "move";
            });
            th.addEventListener("dragover", function (e) {
                e.preventDefault();
                th.classList.add("drop-target");
            });
            th.addEventListener("dragleave", function () {
                th.classList.remove("drop-target");
            });
            th.addEventListener("drop", function (e) {
                e.preventDefault();
                th.classList.remove("drop-target");
                var moved = e.dataTransfer.getData("text/plain");
                if (moved && moved !== th.dataset.stepId) {
                    moveStep(moved, Number(th.dataset.position) - 1);
                }
            });
            th.addEventListener("keydown", function (e) {
                if (e.altKey && (e.key === "ArrowLeft" || e.key === "ArrowRight") && !editing) {
                    e.preventDefault();
                    var position = Number(th.dataset.position);
                    moveStep(th.dataset.stepId, e.key === "ArrowLeft" ? position - 2 : position);
                }
            });
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        var live = document.querySelector("section.journey[data-events]");
        if (live) {
            listen(live);
        }
        var root = section();
        if (root) {
            bind(root);
        }
    });
}());

// --- indicators and the yearly review ---
// The review grid (table.review-grid): Enter moves down a row in the same column (Shift+Enter up) instead of
// submitting, and a column pasted from Excel (several lines, optionally tab-separated) fills this cell and the
// cells below (and to the right). Without this script the grid is an ordinary form: Tab moves, the button saves.
(function () {
    "use strict";

    function grid() {
        return document.querySelector("table.review-grid");
    }

    function rows(table) {
        return Array.prototype.filter.call(table.querySelectorAll("tbody tr"), function (tr) {
            return tr.querySelector(".cell");
        });
    }

    function cellsOf(tr) {
        return Array.prototype.slice.call(tr.querySelectorAll(".cell"));
    }

    function setValue(cell, text) {
        if (cell.tagName === "SELECT") {
            var wanted = text.trim();
            Array.prototype.forEach.call(cell.options, function (o) {
                if (o.value === wanted || o.text.trim() === wanted) {
                    cell.value = o.value;
                }
            });
        } else {
            cell.value = text.trim();
        }
        cell.dispatchEvent(new Event("change", {bubbles: true}));
    }

    function move(table, cell, step) {
        var tr = cell.closest("tr");
        var all = rows(table);
        var col = cellsOf(tr).indexOf(cell);
        var next = all[all.indexOf(tr) + step];
        if (next) {
            var target = cellsOf(next)[col];
            target.focus();
            if (target.select) {
                target.select();
            }
        }
    }

    document.addEventListener("keydown", function (e) {
        var table = grid();
        var cell = e.target;
        if (!table || !cell.classList || !cell.classList.contains("cell") || !table.contains(cell)) {
            return;
        }
        // The Enter that confirms a Japanese IME conversion is not a move.
        if (e.key !== "Enter" || e.isComposing || e.keyCode === 229) {
            return;
        }
        e.preventDefault();
        move(table, cell, e.shiftKey ? -1 : 1);
    });

    document.addEventListener("paste", function (e) {
        var table = grid();
        var cell = e.target;
        if (!table || !cell.classList || !cell.classList.contains("cell") || !table.contains(cell)) {
            return;
        }
        var text = (e.clipboardData || window.clipboardData).getData("text");
        if (text.indexOf("\n") < 0 && text.indexOf("\t") < 0) {
            return;
        }
        e.preventDefault();
        var lines = text.replace(/\r\n?/g, "\n").split("\n");
        if (lines.length > 1 && lines[lines.length - 1] === "") {
            lines.pop();
        }
        var all = rows(table);
        var tr = cell.closest("tr");
        var start = all.indexOf(tr);
        var col = cellsOf(tr).indexOf(cell);
        var filled = 0;
        lines.forEach(function (line, i) {
            var row = all[start + i];
            if (!row) {
                return;
            }
            var cells = cellsOf(row);
            line.split("\t").forEach(function (value, j) {
                if (cells[col + j]) {
                    setValue(cells[col + j], value);
                    filled++;
                }
            });
        });
        var status = document.querySelector("[data-paste-status]");
        if (status) {
            status.textContent = status.dataset.pasteStatus.replace("{0}", String(Math.min(lines.length, all.length - start)));
        }
    });
})();
// --- end indicators ---
// --- editor: the trace diagram's full labels ---
// A box whose title was cut ("…") shows the whole title beside it while the pointer is over it or it has focus
// (keyboard users get what the SVG <title> tooltip gives only to the mouse).
(function () {
    "use strict";

    function frameOf(link) {
        return link.closest(".trace-scroll");
    }

    function hide(frame) {
        var label = frame && frame.querySelector(".trace-full-label");
        if (label) {
            label.hidden = true;
        }
    }

    function show(link) {
        var frame = frameOf(link);
        if (!frame) {
            return;
        }
        var label = frame.querySelector(".trace-full-label");
        if (!label) {
            label = document.createElement("div");
            label.className = "trace-full-label";
            label.setAttribute("role", "tooltip");
            label.id = "trace-full-label";
            label.dataset.testid = "trace-full-label";
            frame.appendChild(label);
        }
        label.textContent = link.dataset.full;
        var box = link.querySelector("rect").getBoundingClientRect();
        var outer = frame.getBoundingClientRect();
        label.style.left = (box.left - outer.left + frame.scrollLeft) + "px";
        label.style.top = (box.bottom - outer.top + frame.scrollTop + 2) + "px";
        label.style.minWidth = box.width + "px";
        label.hidden = false;
        link.setAttribute("aria-describedby", label.id);
    }

    function linkOf(target) {
        return target && target.closest ? target.closest(".trace-diagram a.node-link[data-full]") : null;
    }

    document.addEventListener("mouseover", function (e) {
        var link = linkOf(e.target);
        if (link) {
            show(link);
        }
    });
    document.addEventListener("mouseout", function (e) {
        var link = linkOf(e.target);
        if (link && !link.contains(e.relatedTarget) && document.activeElement !== link) {
            hide(frameOf(link));
        }
    });
    document.addEventListener("focusin", function (e) {
        var link = linkOf(e.target);
        if (link) {
            show(link);
        }
    });
    document.addEventListener("focusout", function (e) {
        var link = linkOf(e.target);
        if (link) {
            hide(frameOf(link));
        }
    });
    document.addEventListener("keydown", function (e) {
        if (e.key === "Escape") {
            document.querySelectorAll(".trace-scroll").forEach(hide);
        }
    });
}());
// --- end editor: trace ---
