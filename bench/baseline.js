// Baseline for bench/run.mjs. Builds the same controls as the widget (rows
// as groups "Activity n" with inputs labelled "Name", "Hours per month",
// "Results (USD)", an "Add activity" button, a headline) from script, as
// the widget does, and recomputes the 80/20 headline on every input. The
// number of rows comes from the fragment: baseline.html#n=100 (default 8,
// like the widget's worked example).
const n = Number(new URLSearchParams(location.hash.slice(1)).get("n") ?? 8);
const root = document.getElementById("root");

const headline = el("p", { "data-testid": "headline" });
const list = el("div");
const add = el("button", { type: "button" }, "Add activity");
add.addEventListener("click", () => addRow(list.children.length));
root.append(el("h1", {}, "Social 80/20 (baseline)"), headline, list, add);

for (let i = 0; i < n; i++) addRow(i, `Activity name ${i + 1}`, 1 + (i % 40), Math.round(20000 / (1 + (i % 60))));
list.addEventListener("input", update);
update();

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function addRow(i, name = "", hours = "", results = "") {
  const row = el("div", { role: "group", "aria-label": `Activity ${i + 1}` });
  for (const [label, key, value] of [["Name", "name", name], ["Hours per month", "hours", hours], ["Results (USD)", "results", results]]) {
    const id = `a${i}-${key}`;
    const input = el("input", { id, "data-key": key });
    input.value = value;
    row.append(el("label", { for: id }, label), input);
  }
  list.append(row);
}

// The same rule as the core's breakdown: most results first, the shortest
// prefix that reaches 80 % of the results.
function update() {
  const rows = [...list.children].map((row) => ({
    hours: Number(row.querySelector('[data-key="hours"]').value) || 0,
    results: Number(row.querySelector('[data-key="results"]').value) || 0,
  }));
  const total = rows.reduce((s, r) => s + r.results, 0);
  const hours = rows.reduce((s, r) => s + r.hours, 0);
  rows.sort((a, b) => b.results - a.results);
  let vital = 0, got = 0, spent = 0;
  while (vital < rows.length && got < 0.8 * total) {
    got += rows[vital].results;
    spent += rows[vital].hours;
    vital++;
  }
  const pct = (x) => `${Math.round(100 * x)} %`;
  headline.textContent = total > 0
    ? `${vital} of ${rows.length} activities (${pct(vital / rows.length)}) bring ${pct(got / total)} of your results, using ${pct(hours ? spent / hours : 0)} of your time.`
    : "No results to break down yet.";
}
