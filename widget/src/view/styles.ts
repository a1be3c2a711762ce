/**
 * All widget styles live in the shadow root. `:host { all: initial }` cuts inheritance from the
 * page; every size is in px and every color explicit, so a page's `* { … !important }` cannot
 * reach inside. Colors meet WCAG AA (≥ 4.5:1) against their backgrounds.
 */
export const STYLES = `
:host { all: initial; }
.root, .root * { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.root { font-size: 15px; line-height: 1.45; color: #1b1f24; -webkit-text-size-adjust: 100%; }
.root [hidden] { display: none !important; }
button, input, select, textarea { font: inherit; color: inherit; margin: 0; }
:focus-visible { outline: 3px solid #f5b700; outline-offset: 2px; box-shadow: 0 0 0 5px #1b1f24; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483646; display: inline-flex; align-items: center; gap: 8px;
  min-height: 56px; padding: 0 20px 0 16px; border: 0; border-radius: 28px; background: #1d4f91; color: #ffffff; cursor: pointer;
  font-size: 16px; font-weight: 600; box-shadow: 0 4px 14px rgba(0,0,0,.28); }
.launcher:hover { background: #163d70; }

.panel { position: fixed; right: 20px; bottom: 88px; z-index: 2147483647; display: flex; flex-direction: column; width: 370px; height: 560px;
  max-height: calc(100vh - 108px); background: #ffffff; border: 1px solid #c3c9d1; border-radius: 12px; overflow: hidden;
  box-shadow: 0 12px 32px rgba(0,0,0,.25); transition: opacity .16s ease, transform .16s ease; }
.panel[data-state="closed"] { opacity: 0; transform: translateY(12px); pointer-events: none; }
@media (max-width: 480px) { .launcher[aria-expanded="true"] { display: none; } .panel { right: 0; bottom: 0; width: 100vw; height: 100vh; max-height: none; border-radius: 0; } }
@media (prefers-reduced-motion: reduce) { .panel, .dots span { transition: none !important; animation: none !important; } }

.header { display: flex; align-items: center; gap: 8px; padding: 12px 12px 12px 16px; background: #1d4f91; color: #ffffff; }
.title { flex: 1; min-width: 0; margin: 0; font-size: 16px; font-weight: 700; line-height: 1.3; color: #ffffff; }
.icon-btn { display: inline-flex; align-items: center; justify-content: center; width: 36px; height: 36px; padding: 0; border: 0; border-radius: 8px;
  background: transparent; color: #ffffff; cursor: pointer; }
.icon-btn:hover { background: rgba(255,255,255,.16); }
.end { flex: none; white-space: nowrap; min-height: 32px; padding: 0 10px; border: 1px solid #ffffff; border-radius: 8px; background: transparent; color: #ffffff; cursor: pointer; font-size: 13px; }
.conn { padding: 6px 16px; font-size: 13px; background: #fff4d6; color: #5c4300; border-bottom: 1px solid #e8d39a; }
.conn[data-state="online"] { display: none; }

.body { flex: 1; display: flex; flex-direction: column; min-height: 0; }
.pad { padding: 16px; overflow-y: auto; }
.intro, .note { margin: 0 0 14px; color: #1b1f24; }
.note { font-size: 14px; color: #41484f; }
.field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 14px; }
.field label { font-weight: 600; font-size: 14px; color: #1b1f24; }
select, textarea { width: 100%; min-height: 40px; padding: 8px 10px; border: 1px solid #6b737c; border-radius: 8px; background: #ffffff; color: #1b1f24; font-size: 15px; }
.primary { display: inline-flex; align-items: center; justify-content: center; gap: 6px; min-height: 44px; padding: 0 18px; border: 0; border-radius: 8px;
  background: #1d4f91; color: #ffffff; font-size: 15px; font-weight: 600; cursor: pointer; }
.primary:hover { background: #163d70; }
.primary[disabled] { background: #5d6873; cursor: default; }
.secondary { min-height: 44px; padding: 0 18px; border: 1px solid #1d4f91; border-radius: 8px; background: #ffffff; color: #1d4f91; font-size: 15px; font-weight: 600; cursor: pointer; }
.start-row { display: flex; gap: 8px; flex-wrap: wrap; }
.call-button { margin: 8px 12px 0; min-height: 36px; }
.error { margin: 0 0 12px; color: #a4161a; font-size: 14px; }

.status { margin: 0; padding: 10px 16px; font-size: 14px; background: #eef3fa; color: #1b3a63; border-bottom: 1px solid #d5dfec; }
.log { flex: 1; overflow-y: auto; padding: 12px 12px 4px; display: flex; flex-direction: column; gap: 8px; background: #f6f7f9; }
.msg { max-width: 82%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 15px; }
.options { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.option { min-height: 36px; padding: 4px 12px; border: 1px solid #1d4f91; border-radius: 18px; background: #ffffff; color: #1d4f91; font: inherit; font-size: 14px; cursor: pointer; }
.option:hover { background: #e8eef7; }
.option:focus-visible { outline: 3px solid #f2b800; outline-offset: 2px; }
.file { margin-top: 6px; }
.file img { display: block; max-width: 100%; max-height: 240px; border-radius: 8px; margin-bottom: 4px; }
.msg .who { display: block; font-size: 12px; font-weight: 600; color: #41484f; margin-bottom: 2px; }
.msg[data-author="agent"] { align-self: flex-start; background: #ffffff; color: #1b1f24; border: 1px solid #d3d8de; border-bottom-left-radius: 4px; }
.msg[data-author="customer"] { align-self: flex-end; background: #1d4f91; color: #ffffff; border-bottom-right-radius: 4px; }
.msg[data-author="customer"] .who { color: #dbe6f5; }
.msg[data-author="system"] { align-self: center; max-width: 95%; padding: 4px 10px; background: transparent; color: #41484f; font-size: 13px; text-align: center; }
.msg[data-status="pending"] { background: #3d669e; }
.msg[data-status="failed"] { background: #ffffff; color: #a4161a; border: 1px solid #a4161a; }
.msg .state { display: block; margin-top: 2px; font-size: 12px; color: inherit; }
.typing { min-height: 22px; padding: 2px 16px; font-size: 13px; color: #41484f; background: #f6f7f9; }
.dots span { display: inline-block; width: 5px; height: 5px; margin-left: 2px; border-radius: 50%; background: #41484f; animation: blink 1.2s infinite both; }
.dots span:nth-child(2) { animation-delay: .2s; } .dots span:nth-child(3) { animation-delay: .4s; }
@keyframes blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
.composer { display: flex; gap: 8px; align-items: flex-end; padding: 10px 12px; border-top: 1px solid #d3d8de; background: #ffffff; }
.composer textarea { resize: none; height: 44px; max-height: 120px; }
.composer .primary { min-width: 44px; padding: 0 12px; }
.ended { padding: 14px 16px; border-top: 1px solid #d3d8de; background: #ffffff; text-align: center; }
.ended p { margin: 0 0 10px; font-weight: 600; color: #1b1f24; }
.survey { margin: 0 0 12px; text-align: left; }
.survey .ql, .survey .qt { margin: 8px 0 4px; font-size: 14px; }
.survey .qh { margin: 2px 0 6px; font-size: 12px; font-weight: 400; color: #41484f; }
.scale { display: flex; gap: 3px; }
.scale button { flex: 1; min-width: 0; min-height: 32px; padding: 0; border: 1px solid #6b737c; border-radius: 6px; background: #ffffff; color: #1b1f24; font-size: 13px; cursor: pointer; }
.scale button[aria-checked="true"] { background: #1d4f91; border-color: #1d4f91; color: #ffffff; }
.survey textarea { margin-bottom: 8px; resize: vertical; }
.survey .error { font-weight: 400; }
`;
