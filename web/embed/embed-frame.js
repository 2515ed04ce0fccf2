// embed.html: one widget filling the frame, for sites that allow frames but not scripts.
//   <iframe src="https://example.org/iamplay/embed.html?lang=zh-CN&step=3#SHARE-LINK"
//           width="100%" height="420" title="iamplay"></iframe>
// The fragment is a share link ("Copy link" in the playground); without one, `?scenario=ID`
// opens a lesson. `?lang=`, `?view=`, `?step=`, `?readonly`, `?theme=` as the attributes of
// iamplay-embed.js.

import { mount } from './iamplay-embed.js';

function options() {
  const given = Object.fromEntries(new URLSearchParams(location.search));
  const link = decodeURIComponent(location.hash.slice(1));
  if (link) given.share = link;
  if ('readonly' in given && given.readonly === '') given.readonly = true;
  return { height: '100vh', ...given };
}

const widget = mount(document.getElementById('widget'), options());
addEventListener('hashchange', () => {
  const link = decodeURIComponent(location.hash.slice(1));
  if (link) widget.setScenario({ share: link });
});
