// The case page's sections under htmx. No inline script: the CSP allows scripts from 'self' only.
// - After htmx swaps a section in, focus moves to what changed: the error summary, the notice or
//   the question that confirms an action (marked data-focus), so a keyboard or screen-reader user
//   lands where the answer is instead of at the top of a long page.
// - Controls htmx kept from the page (hx-preserve) follow the answer: marked in error, or
//   emptied with their form after a save.
// - The in-page section navigation marks the section the reader went to (aria-current).
(function () {
	'use strict';

	function focusAnswer(container) {
		if (!container) {
			return;
		}
		var target = container.querySelector('[data-focus]');
		if (target) {
			target.focus();
			return;
		}
		var heading = container.querySelector('h2');
		if (heading) {
			heading.setAttribute('tabindex', '-1');
			heading.focus();
		}
	}

	// A control htmx kept as the page showed it (hx-preserve) takes its field's state from the
	// answer: in error when the answer put a message at its field, and emptied with its form
	// when the answer says the form was saved (data-reset).
	function settleKept(container) {
		var kept = container.querySelectorAll('[hx-preserve]');
		for (var i = 0; i < kept.length; i++) {
			var field = kept[i].closest('.field');
			var error = field && field.querySelector('.field-error');
			if (error) {
				kept[i].setAttribute('aria-invalid', 'true');
				kept[i].setAttribute('aria-describedby', error.id);
			}
			else {
				kept[i].removeAttribute('aria-invalid');
				kept[i].removeAttribute('aria-describedby');
			}
		}
		var saved = container.querySelectorAll('form[data-reset]');
		for (var j = 0; j < saved.length; j++) {
			saved[j].reset();
		}
	}

	document.addEventListener('htmx:afterSettle', function (event) {
		var config = event.detail && event.detail.requestConfig;
		var source = config && config.elt;
		var selector = source && source.getAttribute && source.getAttribute('hx-target');
		var container = null;
		if (selector && selector.charAt(0) === '#') {
			container = document.getElementById(selector.substring(1));
		}
		else if (event.detail && event.detail.elt && event.detail.elt.querySelector) {
			container = event.detail.elt;
		}
		if (container) {
			settleKept(container);
			focusAnswer(container);
		}
	});

	function markCurrent() {
		var links = document.querySelectorAll('.section-nav a[href^="#"]');
		for (var i = 0; i < links.length; i++) {
			if (links[i].getAttribute('href') === window.location.hash) {
				links[i].setAttribute('aria-current', 'location');
			}
			else {
				links[i].removeAttribute('aria-current');
			}
		}
	}

	window.addEventListener('hashchange', markCurrent);
	document.addEventListener('DOMContentLoaded', function () {
		markCurrent();
		// a full page that came back with errors: the summary is where the eye should go
		var summary = document.querySelector('.error-summary[data-focus]');
		if (summary) {
			summary.focus();
		}
	});
})();
