/**
The pages' scripts, served at /follow.js and /remote.js (never inline: the policy allows scripts
from 'self' only). Plain browser JavaScript, no framework: an EventSource each (it reconnects by
itself; the server asks for a retry after one second), and on the remote page a fetch for each button.
The key is read from the page's own address and sent back the same way.
*/
export const followScript = String.raw`'use strict';
(function () {
	var key = new URLSearchParams(location.search).get('key') || '';
	var main = document.getElementById('slides');
	var where = document.getElementById('where');
	var state = document.getElementById('state');
	var toLive = document.getElementById('to-live');
	var current = Number(document.body.dataset.index || 0);
	var deckVersion = -1;
	var isLive = true;
	var quietUntil = 0;
	function slideOf(index) { return document.getElementById('s' + index); }
	function setLive(live) {
		isLive = live;
		toLive.hidden = live;
		state.textContent = live ? 'live' : 'reading back';
		toLive.textContent = 'Back to live: slide ' + (current + 1) + ' \u2193';
		state.classList.toggle('is-live', live);
	}
	function showCurrent() {
		var slide = slideOf(current);
		if (slide) {
			quietUntil = Date.now() + 300;
			var bar = document.querySelector('.live-bar');
			window.scrollTo(0, Math.max(0, slide.getBoundingClientRect().top + window.scrollY - (bar ? bar.offsetHeight : 0) - 8));
		}
	}
	function isInView(element) {
		var box = element.getBoundingClientRect();
		var bar = document.querySelector('.live-bar');
		return box.bottom > (bar ? bar.offsetHeight : 0) + 40 && box.top < window.innerHeight - 40;
	}
	function place(index, html) {
		var slide = slideOf(index);
		if (!slide) {
			slide = document.createElement('div');
			slide.className = 'slide';
			slide.id = 's' + index;
			slide.dataset.index = String(index);
			var after = null;
			Array.prototype.forEach.call(main.children, function (each) {
				if (after === null && Number(each.dataset.index) > index) { after = each; }
			});
			main.insertBefore(slide, after);
		}
		if (slide.dataset.html !== html) {
			slide.innerHTML = html;
			slide.dataset.html = html;
		}
	}
	function onShown(event) {
		var shown = JSON.parse(event.data);
		if (deckVersion !== -1 && shown.deckVersion !== deckVersion) {
			main.textContent = '';
		}
		deckVersion = shown.deckVersion;
		place(shown.index, shown.html);
		var old = slideOf(current);
		if (old) { old.classList.remove('is-current'); }
		current = shown.index;
		slideOf(current).classList.add('is-current');
		document.body.dataset.index = String(current);
		document.body.classList.toggle('is-blanked', shown.blank !== 'none');
		where.textContent = 'slide ' + (current + 1) + ' of ' + shown.count;
		if (isLive) { setLive(true); showCurrent(); } else { setLive(false); }
	}
	function onScroll() {
		// The page's own scroll to the live slide is no reader's: look again once it has settled.
		if (Date.now() < quietUntil) { setTimeout(onScroll, quietUntil - Date.now() + 20); return; }
		var slide = slideOf(current);
		if (slide && isLive !== isInView(slide)) { setLive(isInView(slide)); }
	}
	toLive.addEventListener('click', function () { setLive(true); showCurrent(); });
	window.addEventListener('scroll', onScroll, {passive: true});
	var events = new EventSource('/events?key=' + encodeURIComponent(key));
	events.addEventListener('shown', onShown);
	events.addEventListener('open', function () { setLive(isLive); });
	events.addEventListener('error', function () {
		state.textContent = 'reconnecting...';
		state.classList.remove('is-live');
	});
	showCurrent();
})();
`;

export const remoteScript = String.raw`'use strict';
(function () {
	var key = new URLSearchParams(location.search).get('key') || '';
	var form = document.getElementById('buttons');
	var where = document.getElementById('where');
	var blank = document.getElementById('blank');
	var left = document.getElementById('left');
	var title = document.getElementById('title');
	var notes = document.getElementById('notes');
	var endsAt = null;
	var offset = 0;
	function two(n) { return (n < 10 ? '0' : '') + n; }
	function tick() {
		if (endsAt === null) { left.textContent = ''; return; }
		var ms = endsAt - (Date.now() + offset);
		var over = ms < 0;
		var s = Math.floor(Math.abs(ms) / 1000);
		left.textContent = '\u00b7 ' + Math.floor(s / 60) + ':' + two(s % 60) + (over ? ' over' : ' left');
	}
	form.addEventListener('submit', function (event) {
		event.preventDefault();
		var button = event.submitter;
		if (!button) { return; }
		fetch(form.action, {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'}, body: 'button=' + encodeURIComponent(button.value)});
	});
	var events = new EventSource('/remote/events?key=' + encodeURIComponent(key));
	events.addEventListener('shown', function (event) {
		var shown = JSON.parse(event.data);
		where.textContent = 'Slide ' + (shown.index + 1) + ' of ' + shown.count;
		blank.textContent = shown.blank === 'none' ? '' : '\u00b7 screen blanked';
		title.textContent = shown.title;
		notes.textContent = shown.notes;
		offset = shown.now - Date.now();
		endsAt = typeof shown.endsAt === 'number' ? shown.endsAt : null;
		tick();
	});
	events.addEventListener('error', function () { where.textContent = 'reconnecting...'; });
	setInterval(tick, 1000);
})();
`;
