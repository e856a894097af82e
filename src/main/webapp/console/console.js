/*
 * The Proxy Herd console: polls the node's read-only JSON API (/api/herd, /api/clients) and redraws.
 * Every value from the API reaches the page through textContent or an attribute, never as markup:
 * client ids come from anyone who can open a TCP connection.
 */
(function () {
    'use strict';

    var POLL_MS = 2000;
    var TIMEOUT_MS = 5000;
    var CLIENT_LIMIT = 500;
    var SVG_NS = 'http://www.w3.org/2000/svg';
    var ORIGIN_COLOURS = ['#3b6fb6', '#8e5bb5', '#2a9d8f', '#b5651d', '#c94f7c', '#5f6b7a', '#7a9a2e', '#1f8fbf'];
    var SERIES = [
        {key: 'iamat', label: 'IAMAT', colour: '#3b6fb6'},
        {key: 'whatsat', label: 'WHATSAT', colour: '#8e5bb5'},
        {key: 'invalid', label: 'invalid', colour: '#c2571a'},
        {key: 'floodIn', label: 'flood in', colour: '#2a9d8f'}
    ];

    var state = {
        herd: null,
        clients: null,
        failures: {},
        lastSuccess: null,
        query: '',
        timer: null,
        inFlight: false
    };

    // ---- DOM helpers -------------------------------------------------------------------------

    function el(tag, attrs, text) {
        var node = document.createElement(tag);
        setAttrs(node, attrs);
        if (text !== undefined && text !== null) {
            node.textContent = String(text);
        }
        return node;
    }

    function svg(tag, attrs, text) {
        var node = document.createElementNS(SVG_NS, tag);
        setAttrs(node, attrs);
        if (text !== undefined && text !== null) {
            node.textContent = String(text);
        }
        return node;
    }

    function setAttrs(node, attrs) {
        if (!attrs) {
            return;
        }
        Object.keys(attrs).forEach(function (name) {
            var value = attrs[name];
            if (value !== undefined && value !== null) {
                node.setAttribute(name, String(value));
            }
        });
    }

    function withTitle(node, text) {
        node.appendChild(svg('title', null, text));
        return node;
    }

    function byId(id) {
        return document.getElementById(id);
    }

    // ---- Formatting --------------------------------------------------------------------------

    function isNumber(value) {
        return typeof value === 'number' && isFinite(value);
    }

    function count(value) {
        return isNumber(value) ? Math.round(value).toLocaleString('en-US') : '–';
    }

    function rate(value) {
        if (!isNumber(value)) {
            return '–';
        }
        if (value === 0) {
            return '0';
        }
        return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
    }

    function millis(value) {
        if (!isNumber(value)) {
            return '–';
        }
        return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
    }

    function duration(seconds) {
        if (!isNumber(seconds)) {
            return '–';
        }
        var s = Math.max(0, Math.floor(seconds));
        if (s < 60) {
            return s + ' s';
        }
        if (s < 3600) {
            return Math.floor(s / 60) + ' min ' + pad(s % 60) + ' s';
        }
        if (s < 86400) {
            return Math.floor(s / 3600) + ' h ' + pad(Math.floor(s / 60) % 60) + ' min';
        }
        return Math.floor(s / 86400) + ' d ' + Math.floor(s / 3600) % 24 + ' h';
    }

    function ago(seconds) {
        if (!isNumber(seconds)) {
            return '–';
        }
        if (seconds < 1) {
            return 'now';
        }
        if (seconds < 60) {
            return Math.floor(seconds) + ' s';
        }
        if (seconds < 3600) {
            return Math.floor(seconds / 60) + ' min';
        }
        if (seconds < 86400) {
            return Math.floor(seconds / 3600) + ' h';
        }
        return Math.floor(seconds / 86400) + ' d';
    }

    function pad(n) {
        return n < 10 ? '0' + n : String(n);
    }

    function utcTime(epochMillis) {
        return new Date(epochMillis).toISOString().slice(11, 19);
    }

    function utcDateTime(epochMillis) {
        if (!isNumber(epochMillis)) {
            return '–';
        }
        var date = new Date(epochMillis);
        if (isNaN(date.getTime())) {
            return '–';
        }
        return date.toISOString().slice(0, 19).replace('T', ' ');
    }

    function degrees(value, digits) {
        return isNumber(value) ? value.toFixed(digits) : '–';
    }

    // ---- Fetching ----------------------------------------------------------------------------

    function getJson(path) {
        var controller = typeof AbortController === 'function' ? new AbortController() : null;
        var timeout = setTimeout(function () {
            if (controller) {
                controller.abort();
            }
        }, TIMEOUT_MS);
        return fetch(path, {
            headers: {'Accept': 'application/json'},
            credentials: 'same-origin',
            cache: 'no-store',
            signal: controller ? controller.signal : undefined
        }).then(function (response) {
            if (!response.ok) {
                var reason = 'HTTP ' + response.status;
                if (response.status === 401) {
                    reason += ', login required';
                } else if (response.status === 403) {
                    reason += ', not allowed from here';
                }
                throw new Error(reason);
            }
            return response.json();
        }, function (error) {
            throw new Error(error && error.name === 'AbortError' ? 'no answer within ' + TIMEOUT_MS / 1000 + ' s'
                : 'not reachable');
        }).finally(function () {
            clearTimeout(timeout);
        });
    }

    /**
     * An API address beside /console/. Built from the origin rather than the page's own address, which keeps any
     * user:password@ the page was opened with: fetch refuses addresses holding credentials.
     */
    function apiPath(relative) {
        return new URL(relative, location.origin + location.pathname).href;
    }

    function clientsPath() {
        var path = apiPath('../api/clients') + '?limit=' + CLIENT_LIMIT;
        if (state.query) {
            path += '&q=' + encodeURIComponent(state.query);
        }
        return path;
    }

    function refresh() {
        if (state.inFlight) {
            return;
        }
        state.inFlight = true;
        clearTimeout(state.timer);
        var askedFor = state.query;
        var herd = getJson(apiPath('../api/herd')).then(function (body) {
            state.herd = body;
            delete state.failures['/api/herd'];
        }, function (error) {
            state.failures['/api/herd'] = error.message;
        });
        var clients = getJson(clientsPath()).then(function (body) {
            if (askedFor === state.query) {
                state.clients = body;
            }
            delete state.failures['/api/clients'];
        }, function (error) {
            state.failures['/api/clients'] = error.message;
        });
        Promise.all([herd, clients]).then(function () {
            if (Object.keys(state.failures).length === 0) {
                state.lastSuccess = Date.now();
            }
            render();
        }).finally(function () {
            state.inFlight = false;
            state.timer = setTimeout(refresh, askedFor === state.query ? POLL_MS : 0);
        });
    }

    // ---- Rendering ---------------------------------------------------------------------------

    function render() {
        renderStatus();
        if (state.herd) {
            renderHeader(state.herd);
            renderTopology(state.herd);
            renderNodes(state.herd);
            renderUnreadable(state.herd);
            renderRates(state.herd);
        }
        if (state.clients) {
            renderClients(state.clients);
            renderPositions(state.clients, state.herd);
        }
    }

    function renderStatus() {
        var banner = byId('error');
        var failed = Object.keys(state.failures);
        if (failed.length === 0) {
            banner.hidden = true;
            banner.textContent = '';
        } else {
            var parts = failed.map(function (path) {
                return path + ': ' + state.failures[path];
            });
            var kept = state.lastSuccess ? ' Showing the data from ' + utcTime(state.lastSuccess) + ' UTC.'
                : ' No data yet.';
            banner.textContent = 'The console cannot reach its node (' + parts.join('; ') + ').' + kept
                + ' Retrying every ' + POLL_MS / 1000 + ' s.';
            banner.hidden = false;
        }
        var stamp = byId('last-update');
        if (state.lastSuccess) {
            stamp.textContent = 'updated ' + utcTime(state.lastSuccess) + ' UTC';
            stamp.setAttribute('data-updated-at', String(state.lastSuccess));
        }
        document.body.classList.toggle('stale', failed.length > 0);
    }

    function renderHeader(herd) {
        byId('asked-by').textContent = herd.askedBy || '?';
        var broker = byId('broker');
        var info = herd.broker || {};
        broker.setAttribute('data-reachable', info.reachable ? 'yes' : 'no');
        broker.textContent = 'broker ' + (info.address || '?') + (info.reachable ? '' : ' unreachable');
        broker.title = info.reachable ? 'The broker answers its management API' : (info.error || 'unreachable');
    }

    function nodeNames(herd) {
        return (herd.nodes || []).map(function (node) {
            return node.name;
        });
    }

    var circleOrder = {key: null, order: null};

    /**
     * The order of the nodes around the circle: the node list's own order, or, when that draws crossing links,
     * the first order (the list's first node fixed on top) with the fewest crossings. Fixed for a given herd.
     */
    function nodesAroundCircle(names, links) {
        var key = JSON.stringify([names, links.map(function (l) {
            return [l.from, l.to];
        })]);
        if (circleOrder.key === key) {
            return circleOrder.order;
        }
        var best = names.slice(), fewest = crossings(best, links);
        if (fewest > 0 && names.length <= 8) {
            permute(names.slice(1), function (rest) {
                var order = [names[0]].concat(rest);
                var n = crossings(order, links);
                if (n < fewest) {
                    fewest = n;
                    best = order;
                }
                return fewest === 0;
            });
        }
        circleOrder = {key: key, order: best};
        return best;
    }

    function crossings(order, links) {
        var at = {};
        order.forEach(function (name, i) {
            at[name] = i;
        });
        var chords = links.filter(function (l) {
            return l.from in at && l.to in at;
        }).map(function (l) {
            return [Math.min(at[l.from], at[l.to]), Math.max(at[l.from], at[l.to])];
        });
        var n = 0;
        for (var i = 0; i < chords.length; i++) {
            for (var j = i + 1; j < chords.length; j++) {
                var a = chords[i], b = chords[j];
                if ((a[0] < b[0] && b[0] < a[1] && a[1] < b[1]) || (b[0] < a[0] && a[0] < b[1] && b[1] < a[1])) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Calls visit with each permutation of items in lexicographic order of their indexes, until it returns true. */
    function permute(items, visit) {
        var done = false;
        (function extend(prefix, remaining) {
            if (done) {
                return;
            }
            if (remaining.length === 0) {
                done = visit(prefix);
                return;
            }
            for (var i = 0; i < remaining.length && !done; i++) {
                extend(prefix.concat([remaining[i]]), remaining.slice(0, i).concat(remaining.slice(i + 1)));
            }
        }([], items));
    }

    function renderTopology(herd) {
        var root = byId('topology');
        var nodes = herd.nodes || [];
        var width = 360, height = 224, cx = width / 2, cy = height / 2 + 8, radius = 76;
        var order = nodesAroundCircle(nodeNames(herd), herd.links || []);
        var places = {};
        order.forEach(function (name, i) {
            var angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, order.length);
            places[name] = {x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle: angle};
        });

        var content = document.createDocumentFragment();
        var links = svg('g', {'class': 'links'});
        (herd.links || []).forEach(function (link) {
            var from = places[link.from], to = places[link.to];
            if (!from || !to) {
                return;
            }
            links.appendChild(withTitle(svg('line', {
                'class': 'link', 'data-from': link.from, 'data-to': link.to, 'data-health': link.health,
                x1: from.x.toFixed(1), y1: from.y.toFixed(1), x2: to.x.toFixed(1), y2: to.y.toFixed(1)
            }), link.from + ' – ' + link.to + ': ' + link.health));
        });
        content.appendChild(links);

        nodes.forEach(function (node) {
            var at = places[node.name];
            var group = svg('g', {
                'class': 'node' + (node.name === herd.askedBy ? ' asked' : ''),
                'data-node': node.name, 'data-health': node.health,
                transform: 'translate(' + at.x.toFixed(1) + ' ' + at.y.toFixed(1) + ')'
            });
            if (node.name === herd.askedBy) {
                group.appendChild(svg('circle', {'class': 'halo', r: 23}));
            }
            group.appendChild(svg('circle', {'class': 'dot', r: 17}));
            var queue = node.queue;
            var detail = node.name + ': ' + node.health
                + (node.error ? ' (' + node.error + ')' : '')
                + '\nclient port ' + node.clientPort + ', http port ' + node.httpPort
                + (queue ? '\nqueue ' + queue.name + ': ' + queue.consumers + ' consumers, ' + queue.messages + ' waiting' : '');
            withTitle(group, detail);
            var lx = Math.cos(at.angle) * 31, ly = Math.sin(at.angle) * 31;
            var anchor = Math.abs(lx) < 8 ? 'middle' : (lx > 0 ? 'start' : 'end');
            group.appendChild(svg('text', {
                'class': 'label', x: lx.toFixed(1), y: (ly + (ly > 8 ? 10 : ly < -8 ? -2 : 4)).toFixed(1),
                'text-anchor': anchor
            }, node.name));
            group.appendChild(svg('text', {'class': 'glyph', y: 4, 'text-anchor': 'middle'},
                node.health === 'down' ? '✕' : node.health === 'degraded' ? '!' : ''));
            content.appendChild(group);
        });
        root.replaceChildren(content);
    }

    function renderNodes(herd) {
        var rows = document.createDocumentFragment();
        (herd.nodes || []).forEach(function (node) {
            var tr = el('tr', {'data-node': node.name, 'data-health': node.health});
            var name = el('td', {'class': 'name'}, node.name);
            if (node.name === herd.askedBy) {
                name.appendChild(el('span', {'class': 'tag', title: 'The node this page is served by'}, 'this node'));
            }
            tr.appendChild(name);
            var health = el('td');
            health.appendChild(el('span', {'class': 'badge', 'data-health': node.health}, node.health));
            tr.appendChild(health);

            var info = node.node;
            if (info) {
                var rates = info.rates || {}, totals = info.totals || {}, latency = info.latency || {};
                tr.appendChild(numberCell(duration(info.uptimeSeconds), 'started ' + utcDateTime(info.startedAt) + ' UTC'));
                tr.appendChild(numberCell(count(info.connections)));
                tr.appendChild(numberCell(rate(rates.iamat), count(totals.iamat) + ' in all'));
                tr.appendChild(numberCell(rate(rates.whatsat), count(totals.whatsat) + ' in all'));
                tr.appendChild(numberCell(rate(rates.invalid), count(totals.invalid) + ' in all',
                    rates.invalid > 0 ? 'warn' : null));
                tr.appendChild(numberCell(rate(rates.floodIn), count(totals.floodIn) + ' in all'));
                tr.appendChild(numberCell(rate(rates.floodOut), count(totals.floodOut) + ' in all'));
                tr.appendChild(numberCell(count(totals.placesCalls)));
                tr.appendChild(numberCell(count(totals.cacheHits), count(totals.cacheMisses) + ' misses'));
                tr.appendChild(numberCell(count(totals.placesFailures), null, totals.placesFailures > 0 ? 'warn' : null));
                tr.appendChild(latencyCell(latency.iamatReply));
                tr.appendChild(latencyCell(latency.floodDelivery));
            } else {
                tr.appendChild(el('td', {'class': 'error-cell', colspan: 12},
                    node.health === 'down' ? 'not answering' + (node.error ? ': ' + node.error : '') : (node.error || '')));
            }
            var queue = node.queue;
            if (queue) {
                tr.appendChild(numberCell(count(queue.consumers), queue.name, queue.consumers === 0 ? 'warn' : null));
                tr.appendChild(numberCell(count(queue.messages), queue.name, queue.messages > 100 ? 'warn' : null));
            } else {
                tr.appendChild(numberCell('–', 'the broker does not answer'));
                tr.appendChild(numberCell('–', 'the broker does not answer'));
            }
            rows.appendChild(tr);
        });
        byId('nodes').tBodies[0].replaceChildren(rows);
    }

    function renderUnreadable(herd) {
        var entries = [];
        (herd.nodes || []).forEach(function (node) {
            ((node.node && node.node.unreadable) || []).forEach(function (message) {
                entries.push({node: node.name, message: message});
            });
        });
        entries.sort(function (a, b) { return b.message.at - a.message.at; });
        var rows = document.createDocumentFragment();
        entries.forEach(function (entry) {
            var tr = el('tr');
            tr.appendChild(el('td', {'class': 'name'}, entry.node));
            tr.appendChild(el('td', null, utcDateTime(entry.message.at)));
            tr.appendChild(el('td', null, entry.message.from === null ? '(not said)' : entry.message.from));
            tr.appendChild(el('td', null, entry.message.messageId));
            tr.appendChild(el('td', null, entry.message.problem));
            rows.appendChild(tr);
        });
        byId('unreadable').tBodies[0].replaceChildren(rows);
        byId('unreadable-card').hidden = entries.length === 0;
    }

    function numberCell(text, title, extraClass) {
        return el('td', {'class': 'num' + (extraClass ? ' ' + extraClass : ''), title: title}, text);
    }

    function latencyCell(summary) {
        if (!summary || !summary.count) {
            return numberCell('–', 'no samples yet');
        }
        return numberCell(millis(summary.p50) + ' / ' + millis(summary.p99),
            summary.count + ' samples; p90 ' + millis(summary.p90) + ' ms, max ' + millis(summary.max) + ' ms');
    }

    // ---- Charts ------------------------------------------------------------------------------

    /** A round step (1, 2 or 5 times a power of ten) giving about `wanted` intervals over `span`. */
    function niceStep(span, wanted) {
        var raw = span / Math.max(1, wanted);
        var power = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
        var fraction = raw / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    function ticks(min, max, wanted) {
        var step = niceStep(max - min, wanted);
        var list = [];
        for (var v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
            list.push(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return {values: list, step: step};
    }

    function decimalsFor(step) {
        return step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log(step) / Math.LN10 - 1e-9));
    }

    function renderRates(herd) {
        var root = byId('rates');
        var width = 780, height = 200, left = 40, right = 16, top = 10, bottom = 24;
        var plotW = width - left - right, plotH = height - top - bottom;
        var bySecond = {};
        var newest = -Infinity;
        var perSecond = {};
        (herd.nodes || []).forEach(function (node) {
            var history = (node.node && node.node.history) || [];
            SERIES.forEach(function (series) {
                var value = node.node && node.node.rates ? node.node.rates[series.key] : 0;
                perSecond[series.key] = (perSecond[series.key] || 0) + (isNumber(value) ? value : 0);
            });
            // A node's last entry is the second still running there: drawn, it would always dip to nearly 0.
            history.slice(0, -1).forEach(function (entry) {
                var second = Math.floor(entry.t / 1000);
                var sums = bySecond[second] || (bySecond[second] = {});
                SERIES.forEach(function (series) {
                    sums[series.key] = (sums[series.key] || 0) + (isNumber(entry[series.key]) ? entry[series.key] : 0);
                });
                newest = Math.max(newest, second);
            });
        });

        var content = document.createDocumentFragment();
        if (!isFinite(newest)) {
            content.appendChild(svg('text', {'class': 'empty', x: width / 2, y: height / 2, 'text-anchor': 'middle'},
                'no history from any node'));
            root.replaceChildren(content);
            renderLegend(byId('rates-legend'), SERIES.map(function (s) {
                return {label: s.label, colour: s.colour};
            }));
            return;
        }
        var span = 59;
        var first = newest - span + 1;
        var peak = 0;
        for (var s = first; s <= newest; s++) {
            SERIES.forEach(function (series) {
                peak = Math.max(peak, (bySecond[s] || {})[series.key] || 0);
            });
        }
        var yTicks = ticks(0, Math.max(peak, 4), 4);
        var yMax = yTicks.values[yTicks.values.length - 1];
        if (yMax < peak) {
            yMax += yTicks.step;
            yTicks.values.push(yMax);
        }
        var x = function (second) {
            return left + (second - first) / (span - 1) * plotW;
        };
        var y = function (value) {
            return top + plotH - value / yMax * plotH;
        };

        var axes = svg('g', {'class': 'axes'});
        yTicks.values.forEach(function (value) {
            axes.appendChild(svg('line', {'class': 'grid', x1: left, x2: width - right, y1: y(value), y2: y(value)}));
            axes.appendChild(svg('text', {x: left - 6, y: y(value) + 4, 'text-anchor': 'end'}, count(value)));
        });
        [-45, -30, -15, 0].forEach(function (offset) {
            var second = newest + offset;
            axes.appendChild(svg('line', {'class': 'tick', x1: x(second), x2: x(second), y1: top + plotH, y2: top + plotH + 4}));
            axes.appendChild(svg('text', {x: x(second), y: height - 6, 'text-anchor': offset === 0 ? 'end' : 'middle'},
                offset === 0 ? 'now' : offset + ' s'));
        });
        axes.appendChild(svg('line', {'class': 'axis', x1: left, x2: width - right, y1: top + plotH, y2: top + plotH}));
        content.appendChild(axes);

        SERIES.forEach(function (series) {
            var points = [];
            for (var s = first; s <= newest; s++) {
                points.push(x(s).toFixed(1) + ',' + y((bySecond[s] || {})[series.key] || 0).toFixed(1));
            }
            var line = svg('polyline', {'class': 'series', 'data-series': series.key, points: points.join(' '),
                stroke: series.colour});
            content.appendChild(withTitle(line, series.label + ' per second, herd-wide'));
        });
        root.replaceChildren(content);

        renderLegend(byId('rates-legend'), SERIES.map(function (series) {
            return {label: series.label + ' ' + rate(perSecond[series.key]) + '/s', colour: series.colour};
        }));
    }

    function renderLegend(list, entries) {
        var items = document.createDocumentFragment();
        entries.forEach(function (entry) {
            var item = el('li');
            var swatch = svg('svg', {'class': 'key', width: 14, height: 10, viewBox: '0 0 14 10', 'aria-hidden': 'true'});
            swatch.appendChild(svg(entry.dot ? 'circle' : 'line', entry.dot
                ? {cx: 7, cy: 5, r: 4, fill: entry.colour}
                : {x1: 0, x2: 14, y1: 5, y2: 5, stroke: entry.colour, 'stroke-width': 2.5}));
            item.appendChild(swatch);
            item.appendChild(document.createTextNode(entry.label));
            items.appendChild(item);
        });
        list.replaceChildren(items);
    }

    function renderClients(body) {
        var list = body.clients || [];
        var rows = document.createDocumentFragment();
        list.forEach(function (client) {
            var tr = el('tr', {'data-client': client.id});
            tr.appendChild(el('td', {'class': 'client-id', title: client.id}, client.id));
            tr.appendChild(numberCell(degrees(client.latitude, 6)));
            tr.appendChild(numberCell(degrees(client.longitude, 6)));
            tr.appendChild(el('td', null, client.origin));
            tr.appendChild(el('td', {'class': 'time'}, utcDateTime(client.clientTime)));
            tr.appendChild(numberCell(ago(client.agoSeconds)));
            rows.appendChild(tr);
        });
        if (list.length === 0) {
            var empty = el('tr', {'class': 'empty'});
            empty.appendChild(el('td', {colspan: 6}, state.query ? 'No client id contains “' + state.query + '”.'
                : 'No client has reported its position yet.'));
            rows.appendChild(empty);
        }
        byId('clients').tBodies[0].replaceChildren(rows);

        var summary;
        if (state.query) {
            summary = count(body.matched) + ' of ' + count(body.total) + ' match';
        } else {
            summary = count(body.total) + ' known';
        }
        if (list.length < (state.query ? body.matched : body.total)) {
            summary += ', latest ' + count(list.length) + ' shown';
        }
        byId('clients-count').textContent = summary;
    }

    /** Plot bounds: the clients' box, padded, widened so a degree of longitude and of latitude span equal ground. */
    function positionBounds(list, plotW, plotH) {
        if (list.length === 0) {
            return {latMin: -90, latMax: 90, lonMin: -180, lonMax: 180};
        }
        var latMin = Infinity, latMax = -Infinity, lonMin = Infinity, lonMax = -Infinity;
        list.forEach(function (c) {
            latMin = Math.min(latMin, c.latitude);
            latMax = Math.max(latMax, c.latitude);
            lonMin = Math.min(lonMin, c.longitude);
            lonMax = Math.max(lonMax, c.longitude);
        });
        var latMid = (latMin + latMax) / 2, lonMid = (lonMin + lonMax) / 2;
        var shrink = Math.max(0.2, Math.cos(latMid * Math.PI / 180));
        var latSpan = Math.max(0.02, (latMax - latMin) * 1.2);
        var lonSpan = Math.max(0.02, (lonMax - lonMin) * 1.2);
        // Degrees per pixel, with longitude degrees shrunk by cos(latitude) as on the ground.
        var perPixel = Math.max(latSpan / plotH, lonSpan * shrink / plotW);
        latSpan = Math.min(180, perPixel * plotH);
        lonSpan = Math.min(360, perPixel * plotW / shrink);
        return clampRange(latMid, latSpan, -90, 90, 'lat', clampRange(lonMid, lonSpan, -180, 180, 'lon', {}));
    }

    function clampRange(mid, span, lowest, highest, prefix, into) {
        var min = mid - span / 2, max = mid + span / 2;
        if (min < lowest) {
            max += lowest - min;
            min = lowest;
        }
        if (max > highest) {
            min -= max - highest;
            max = highest;
        }
        into[prefix + 'Min'] = Math.max(lowest, min);
        into[prefix + 'Max'] = Math.min(highest, max);
        return into;
    }

    function renderPositions(body, herd) {
        var root = byId('positions');
        var width = 480, height = 290, left = 58, right = 10, top = 6, bottom = 34;
        var plotW = width - left - right, plotH = height - top - bottom;
        var list = (body.clients || []).filter(function (c) {
            return isNumber(c.latitude) && isNumber(c.longitude);
        });
        var names = herd ? nodeNames(herd) : [];
        list.forEach(function (c) {
            if (names.indexOf(c.origin) < 0) {
                names.push(c.origin);
            }
        });
        var colourOf = function (origin) {
            return ORIGIN_COLOURS[names.indexOf(origin) % ORIGIN_COLOURS.length];
        };
        var b = positionBounds(list, plotW, plotH);
        var x = function (lon) {
            return left + (lon - b.lonMin) / (b.lonMax - b.lonMin) * plotW;
        };
        var y = function (lat) {
            return top + plotH - (lat - b.latMin) / (b.latMax - b.latMin) * plotH;
        };

        var content = document.createDocumentFragment();
        var axes = svg('g', {'class': 'axes'});
        axes.appendChild(svg('rect', {'class': 'plot', x: left, y: top, width: plotW, height: plotH}));
        var latTicks = ticks(b.latMin, b.latMax, 5), lonTicks = ticks(b.lonMin, b.lonMax, 5);
        var latDigits = decimalsFor(latTicks.step), lonDigits = decimalsFor(lonTicks.step);
        latTicks.values.forEach(function (lat) {
            axes.appendChild(svg('line', {'class': 'grid', x1: left, x2: left + plotW, y1: y(lat), y2: y(lat)}));
            axes.appendChild(svg('text', {x: left - 6, y: y(lat) + 4, 'text-anchor': 'end'}, lat.toFixed(latDigits) + '°'));
        });
        lonTicks.values.forEach(function (lon) {
            axes.appendChild(svg('line', {'class': 'grid', x1: x(lon), x2: x(lon), y1: top, y2: top + plotH}));
            axes.appendChild(svg('text', {x: x(lon), y: top + plotH + 16, 'text-anchor': 'middle'}, lon.toFixed(lonDigits) + '°'));
        });
        axes.appendChild(svg('text', {'class': 'axis-title', x: left + plotW / 2, y: height - 4, 'text-anchor': 'middle'},
            'longitude'));
        axes.appendChild(svg('text', {'class': 'axis-title', x: 12, y: top + plotH / 2, 'text-anchor': 'middle',
            transform: 'rotate(-90 12 ' + (top + plotH / 2) + ')'}, 'latitude'));
        content.appendChild(axes);

        var points = svg('g', {'class': 'points'});
        // Oldest first, so the most recent positions are drawn on top.
        list.slice().reverse().forEach(function (c) {
            points.appendChild(withTitle(svg('circle', {
                'data-client': c.id, cx: x(c.longitude).toFixed(1), cy: y(c.latitude).toFixed(1), r: 4.5,
                fill: colourOf(c.origin)
            }), c.id + '\n' + degrees(c.latitude, 6) + ', ' + degrees(c.longitude, 6) + '\nfrom ' + c.origin
                + ', ' + ago(c.agoSeconds) + ' ago'));
        });
        content.appendChild(points);
        if (list.length === 0) {
            content.appendChild(svg('text', {'class': 'empty', x: left + plotW / 2, y: top + plotH / 2, 'text-anchor': 'middle'},
                'no positions to plot'));
        }
        root.replaceChildren(content);

        renderLegend(byId('positions-legend'), names.map(function (name) {
            return {label: name, colour: colourOf(name), dot: true};
        }));
    }

    // ---- Start -------------------------------------------------------------------------------

    function start() {
        var search = byId('client-search');
        var debounce = null;
        search.addEventListener('input', function () {
            clearTimeout(debounce);
            debounce = setTimeout(function () {
                var query = search.value.trim();
                if (query !== state.query) {
                    state.query = query;
                    refresh();
                }
            }, 250);
        });
        refresh();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
