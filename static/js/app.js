// Small behaviours shared by every page. No inline scripts: the CSP forbids them.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const message = button && button.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});

// Narrative analysis on the filing form: suggested root causes with the phrases behind them
// (highlighted in a copy of the narrative) and the escalation risk with its reasons. Nothing is
// tagged until the officer accepts a suggestion; what they accept or leave is sent with the form.
(() => {
  const form = document.getElementById("incident-form");
  if (!form || !form.dataset.analyzeUrl) return;
  const narrative = form.querySelector("[name=narrative]");
  const panel = document.getElementById("analysis-panel");
  const suggestedField = form.querySelector("[name=suggested]");
  const csrf = form.querySelector("[name=csrf_token]");
  const shown = {};
  let timer = null;
  let inflight = null;

  const el = (tag, attrs = {}, text = null) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== null) node.textContent = text;
    return node;
  };
  const tagBox = (slug) => form.querySelector(`input[name=tags][value="${CSS.escape(slug)}"]`);
  const primary = form.querySelector("[name=primary_tag]");

  function highlighted(text, spans) {
    const box = el("div", { class: "analysis-text", "data-testid": "analysis-text" });
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    let at = 0;
    for (const s of sorted) {
      if (s.start < at) continue;
      box.append(document.createTextNode(text.slice(at, s.start)));
      box.append(el("mark", { "data-tag": s.slug, title: s.slug }, text.slice(s.start, s.end)));
      at = s.end;
    }
    box.append(document.createTextNode(text.slice(at)));
    return box;
  }

  function decide(slug, accept, row) {
    const box = tagBox(slug);
    if (box) box.checked = accept;
    if (accept && primary && !primary.value) primary.value = slug;
    if (!accept && primary && primary.value === slug) primary.value = "";
    row.dataset.decision = accept ? "accepted" : "rejected";
    row.querySelector(".decision").textContent = accept ? "Accepted" : "Rejected";
  }

  function render(result, text) {
    panel.replaceChildren();
    panel.hidden = false;
    const head = el("div", { class: "d-flex justify-content-between align-items-center mb-2" });
    head.append(el("h3", { class: "h6 mb-0" }, "Suggested from the narrative"));
    const level = result.escalation.level;
    // Text the analyser could not read (not English) says nothing about escalation: a "low"
    // badge would read as an assessment that was never made.
    const unread = Boolean(result.note) && !result.escalation.reasons.length;
    const badge = el("span", {
      class: unread ? "badge text-bg-secondary" : `badge escalation-${level}`,
      "data-testid": "escalation-level",
    }, unread ? "Escalation risk: not assessed" : `Escalation risk: ${level}`);
    head.append(badge);
    panel.append(head);
    if (result.escalation.reasons.length) {
      const reasons = el("ul", { class: "small text-body-secondary mb-2", "data-testid": "escalation-reasons" });
      for (const r of result.escalation.reasons) reasons.append(el("li", {}, r));
      panel.append(reasons);
    }
    if (result.note) panel.append(el("p", { class: "small mb-2" }, result.note));
    if (!result.tags.length) {
      panel.append(el("p", { class: "small text-body-secondary mb-0" }, "No root cause suggested yet."));
    }
    const list = el("ul", { class: "list-unstyled mb-2 suggestions" });
    for (const tag of result.tags) {
      shown[tag.slug] = tag.score;
      const row = el("li", { class: "suggestion", "data-slug": tag.slug });
      const label = el("div");
      label.append(el("strong", {}, tag.name), el("span", { class: "ms-2 small text-body-secondary" },
        `${Math.round(tag.score * 100)}% confidence`));
      if (tag.evidence.length) {
        label.append(el("div", { class: "small evidence" }, tag.evidence.map((p) => `“${p}”`).join(" · ")));
      }
      const actions = el("div", { class: "btn-group btn-group-sm" });
      const yes = el("button", { type: "button", class: "btn btn-outline-success" }, "Accept");
      const no = el("button", { type: "button", class: "btn btn-outline-secondary" }, "Reject");
      yes.addEventListener("click", () => decide(tag.slug, true, row));
      no.addEventListener("click", () => decide(tag.slug, false, row));
      actions.append(yes, no);
      const box = tagBox(tag.slug);
      row.append(label, el("span", { class: "decision small me-2" }, box && box.checked ? "Tagged" : ""), actions);
      list.append(row);
    }
    panel.append(list);
    if (result.spans.length) panel.append(highlighted(text, result.spans));
    suggestedField.value = JSON.stringify(shown);
  }

  async function run() {
    const text = narrative.value;
    if (text.trim().length < 20) return;
    if (inflight) inflight.abort();
    inflight = new AbortController();
    try {
      const response = await fetch(form.dataset.analyzeUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf ? csrf.value : "" },
        body: JSON.stringify({ narrative: text }),
        signal: inflight.signal,
        credentials: "same-origin",
      });
      const data = await response.json();
      if (!response.ok) {
        panel.hidden = false;
        panel.replaceChildren(el("p", { class: "small text-danger mb-0" }, data.error ? data.error.message : "Analysis failed."));
        return;
      }
      render(data, text);
    } catch (err) {
      if (err.name !== "AbortError") console.warn("analysis unavailable", err);
    }
  }

  narrative.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 700);
  });
  const button = el("button", { type: "button", class: "btn btn-sm btn-outline-primary mb-3", "data-testid": "analyze-now" },
    "Suggest root causes");
  button.addEventListener("click", run);
  panel.before(button);
  if (narrative.value.trim()) run();
})();
