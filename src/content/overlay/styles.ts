/**
 * The one stylesheet of every Invitewise host (badges and the panel), constructed once and adopted
 * by each shadow root. Hand-minified here rather than a .css file: Vite's CSS pipeline would expand
 * every light-dark() into a fallback twice its size (Chromium and Firefox 140 support it).
 * `:host(.d)` (the page itself is dark) forces the dark scheme. `--bd` is a whole border.
 * Tones good/fair/poor (fit bands, also the flags' severity) and now/today (urgency) set the colour;
 * `.t` tints the background with it, so text always sits on its own tone.
 */
export const CSS =
  ":host{all:initial;font:13px/1.4 system-ui,sans-serif;color-scheme:light dark;--bg:light-dark(#fff,#161b22);--mu:light-dark(#59636e,#9198a1);--bd:1px solid light-dark(#d1d9e0,#3d444d);--ac:light-dark(#0b57d0,#6cb6ff);color:light-dark(#1f2328,#e6edf3)}" +
  ":host(.d){color-scheme:dark}:host(iw-badge){display:inline-block;vertical-align:middle;margin-inline-start:8px}" +
  ":host(iw-panel){display:block;position:fixed;z-index:2147483000;top:80px;right:16px}" +
  "*{box-sizing:border-box}button,textarea{font:inherit;color:inherit;border:var(--bd);background:var(--bg)}button{cursor:pointer}" +
  ":focus-visible{outline:2px solid var(--ac);outline-offset:2px}" +
  ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}" +
  ".none,.urgency,.error,.chev,.val,.pts,.quiet,h3{color:var(--mu)}.now,.today,.t,b{font-weight:600}" +
  ".good{color:light-dark(#116329,#7ee2a8)}.fair,.today{color:light-dark(#7d4e00,#f2cc60)}.poor,.now{color:light-dark(#a40e26,#ff9492)}" +
  ".t,.flag{background:color-mix(in srgb,currentColor 14%,var(--bg))}" +
  ".t,.badge{border-radius:9px;padding:0 8px}" +
  // a provisional fit (from the list row alone): lighter, and dashed, so it never passes for the full score
  ".prov{font-weight:400;background:none;outline:1px dashed currentColor;outline-offset:-1px}" +
  ".badge{display:inline-flex;gap:6px;padding:2px 4px;border:var(--bd);background:var(--bg);font-size:12px;line-height:18px;white-space:nowrap}.error{padding:2px 8px}" +
  // the panel (mount.ts sets --iw-max-h to the free band beside Upwork's buttons)
  ".panel{display:flex;flex-direction:column;width:320px;max-height:var(--iw-max-h,calc(100vh - 96px));background:var(--bg);border:var(--bd);border-radius:8px;box-shadow:0 4px 16px #0003;overflow:hidden}" +
  ".collapsed{width:auto}.toggle,.acts{display:flex;align-items:center;gap:8px}" +
  ".toggle{padding:10px 12px;border:0;background:none}.chev{margin-inline-start:auto}" +
  ".body{overflow:auto;padding:0 12px 12px;border-top:var(--bd)}" +
  "h2{font-size:14px;overflow-wrap:anywhere}h3{font-size:12px;margin:12px 0 4px}" +
  "ul{margin:0;padding:0 0 0 16px}.flags,.factors{list-style:none;padding:0}" +
  ".factors li{padding:3px 0;border-bottom:var(--bd)}.val{display:block;font-size:12px}.pts{float:right}" +
  // a factor's bar: the track is its weight, the fill its points
  ".bar{display:block;height:6px;margin:2px 0;background:color-mix(in srgb,var(--ac) 25%,var(--bg))}.bar i{display:block;height:100%;background:var(--ac)}" +
  ".flag{padding:3px 6px;margin:2px 0;border-radius:4px;border-inline-start:3px solid}" +
  ".acts{flex-wrap:wrap;margin-top:12px}.acts button,.note>*{padding:5px 12px;border-radius:6px}" +
  ".primary{background:var(--ac);border-color:var(--ac);color:var(--bg)}" +
  ".msg{white-space:pre-line;overflow-wrap:anywhere}" +
  ".ranked{padding:0;margin:8px 0 0;list-style:none}.pick{display:flex;flex-wrap:wrap;gap:4px 8px;width:100%;text-align:start;padding:4px 6px;margin:2px 0;border-radius:6px}" +
  ".pick .val{flex-basis:100%;color:inherit}[aria-pressed=true]{background:var(--ac);border-color:var(--ac);color:var(--bg)}" +
  ".note{display:grid;gap:4px;margin-top:8px;font-size:12px}.note button{justify-self:start}";
