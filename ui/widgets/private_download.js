// Saves a file that Python sent once over the session's websocket: the browser builds it from a
// blob URL that dies with the page, so the file never has a server URL that works without the
// session (Streamlit's download buttons serve theirs at /media/..., cookie or not).

export default function ({ data, parentElement }) {
  if (!data || !data.nonce) return;
  const holder = parentElement.querySelector(".private-download");
  if (holder.dataset.nonce === data.nonce) return; // this file was saved already
  holder.dataset.nonce = data.nonce;
  const bytes = Uint8Array.from(atob(data.content), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: data.mime }));
  const link = document.createElement("a");
  link.href = url;
  link.download = data.name;
  link.hidden = true;
  holder.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
