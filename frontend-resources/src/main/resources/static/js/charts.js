// Draws the charts of the assessment and evaluation pages from their data-chart attribute
// (JSON written by the server). No inline script: the CSP allows scripts from 'self' only.
// Every chart has a table next to it with the same figures, for screen readers and without
// JavaScript; the chart itself is hidden from assistive technology (aria-hidden on its box).
(function () {
	'use strict';

	function trend(data) {
		return {
			tooltip: { trigger: 'axis', renderMode: 'richText' },
			legend: { type: 'scroll', bottom: 0 },
			grid: { left: 40, right: 16, top: 16, bottom: 56 },
			xAxis: { type: 'time' },
			yAxis: { type: 'value', min: 0, max: 3, interval: 1 },
			series: data.series.map(function (s) {
				return { name: s.name, type: 'line', showSymbol: true, data: s.points };
			})
		};
	}

	function bars(data) {
		var names = Object.keys(data.values);
		return {
			title: { text: data.title, textStyle: { fontSize: 14 } },
			tooltip: { trigger: 'axis', renderMode: 'richText' },
			legend: { type: 'scroll', bottom: 0 },
			grid: { left: 40, right: 16, top: 40, bottom: 56, containLabel: true },
			xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, rotate: 20 } },
			yAxis: { type: 'value', minInterval: 1 },
			series: names.map(function (n) {
				return { name: n, type: 'bar', data: data.values[n] };
			})
		};
	}

	function draw() {
		if (typeof window.echarts === 'undefined') {
			return;
		}
		document.querySelectorAll('[data-chart]').forEach(function (box) {
			var data;
			try {
				data = JSON.parse(box.getAttribute('data-chart'));
			} catch (e) {
				return;
			}
			var empty = data.kind === 'trend' ? data.series.length === 0 : data.categories.length === 0;
			if (empty) {
				return;
			}
			box.classList.add('drawn');
			var chart = window.echarts.init(box, null, { renderer: 'canvas' });
			chart.setOption(data.kind === 'trend' ? trend(data) : bars(data));
			window.addEventListener('resize', function () { chart.resize(); });
		});
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', draw);
	} else {
		draw();
	}
}());
