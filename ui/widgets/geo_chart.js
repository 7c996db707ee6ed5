// A map drawn by plotly.js's geo-only bundle (static/plotly-geo.min.js), loaded once per page.
// Streamlit's own chart element loads the full plotly.js, whose evaluation alone takes longer on a
// first visit than a whole one-table page; this bundle holds just the scattergeo and choropleth
// traces the maps use. A click on a state sends its code (the point's customdata) to Python once.

const BUNDLE = "app/static/plotly-geo.min.js";
let loading = null;

function plotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(BUNDLE, document.baseURI).href;
      script.async = true;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => {
        loading = null; // the next map asks again
        reject(new Error("its drawing code did not load: " + script.src));
      };
      document.head.appendChild(script);
    });
  }
  return loading;
}

// On a narrow screen the map's frame (width / aspect) is far shorter than the figure's height:
// the figure shrinks to the frame, its title, legend and source line, so no blank band
// pushes the page down.
function fitWidth(layout, width, aspect) {
  if (!width || !aspect || !layout.height) return;
  const margin = layout.margin || {};
  const frame = (width - (margin.l || 0) - (margin.r || 0)) / aspect;
  const needed = Math.round(frame + (margin.t || 0) + (margin.b || 0) + 48); // + legend rows
  if (needed < layout.height) layout.height = needed;
}

export default function ({ data, parentElement, setTriggerValue }) {
  if (data.preload) {
    plotly().catch(() => {}); // the map's own instance reports a failure
    return;
  }
  const holder = parentElement.querySelector(".geo-chart");
  if (holder.dataset.failed) {
    holder.textContent = ""; // an earlier attempt failed: try again on a clean element
    delete holder.dataset.failed;
  }
  const figure = JSON.parse(data.figure);
  holder.setAttribute("role", "figure"); // not "img": the modebar inside has buttons
  holder.setAttribute("aria-label", data.label);
  if (data.height) delete figure.layout.height; // plotly takes the height the page gives it
  else fitWidth(figure.layout, holder.clientWidth, data.aspect);
  holder.style.height = data.height || figure.layout.height + "px";
  let current = true;
  plotly()
    .then((Plotly) => {
      if (!current) return;
      return Plotly.react(holder, figure.data, figure.layout, { ...data.config, responsive: true });
    })
    .then(() => {
      if (!current || !holder.on) return;
      holder.removeAllListeners("plotly_click");
      holder.on("plotly_click", (event) => {
        const code = event.points.map((point) => point.customdata).find((c) => c);
        if (code) setTriggerValue("clicked", code);
      });
    })
    .catch((error) => {
      holder.dataset.failed = "1";
      holder.style.height = "auto";
      holder.setAttribute("role", "alert");
      holder.textContent = data.failed.replace("{detail}", error.message);
    });
  // A map sized by the page is drawn again when its room changes (the elements around it arrive).
  const redraw = () => holder._fullLayout && window.Plotly.Plots.resize(holder);
  const resized = data.height ? new ResizeObserver(redraw) : null;
  resized?.observe(holder);
  return () => {
    current = false;
    resized?.disconnect();
  };
}
