// Click a column heading of a table.sortable to sort by it; again to reverse. A cell's data-sort wins over its
// text; a column whose every non-empty value reads as a number sorts numerically ("–" and empty sort last).
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('thead th').forEach(function (th, col) {
    th.classList.add('sort');
    th.addEventListener('click', function () {
      var body = table.tBodies[0];
      var rows = Array.from(body.rows);
      var key = function (row) {
        var cell = row.cells[col];
        if (!cell) { return ''; }
        var v = cell.getAttribute('data-sort');
        return (v !== null ? v : cell.textContent).trim();
      };
      var num = function (s) { return parseFloat(s.replace(/,/g, '')); };
      var filled = rows.map(key).filter(function (s) { return s !== '' && s !== '\u2013'; });
      var numeric = filled.length > 0 && filled.every(function (s) { return !isNaN(num(s)); });
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      table.querySelectorAll('thead th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var ex = x === '' || x === '\u2013', ey = y === '' || y === '\u2013';
        if (ex || ey) { return ex === ey ? 0 : ex ? 1 : -1; }
        return dir * (numeric ? num(x) - num(y) : x.localeCompare(y));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
