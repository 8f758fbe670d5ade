// Draws the statistics charts with Apache ECharts from the data the page carries in data-chart attributes (the
// content security policy allows no inline script). Every label arrives translated; the tables hold the same figures.
(function () {
  'use strict';

  function barsOption(data) {
    var axes = data.axes.map(function (name, index) {
      return {type: 'value', name: name, position: index === 0 ? 'left' : 'right', minInterval: index === 0 ? 1 : 0};
    });
    return {
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 48, right: axes.length > 1 ? 48 : 16, bottom: 56, top: 48},
      xAxis: {type: 'category', data: data.categories, axisLabel: {rotate: data.categories.length > 8 ? 45 : 0}},
      yAxis: axes,
      series: data.series.map(function (s) {
        return {name: s.name, type: s.type, yAxisIndex: s.axis, data: s.data, connectNulls: true, smooth: s.type === 'line'};
      })
    };
  }

  function pieOption(data) {
    return {
      tooltip: {trigger: 'item', formatter: '{b}: {c} ({d}%)'},
      legend: {bottom: 0},
      color: ['#198754', '#20c997', '#ffc107', '#fd7e14', '#dc3545'],
      series: [{type: 'pie', radius: ['35%', '65%'], data: data.items, label: {formatter: '{b}\n{d}%'}}]
    };
  }

  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var data = JSON.parse(element.getAttribute('data-chart'));
      var chart = echarts.init(element, null, {renderer: 'svg'});
      chart.setOption(data.kind === 'pie' ? pieOption(data) : barsOption(data));
      charts.push(chart);
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
