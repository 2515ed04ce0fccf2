// embed.html: one widget filling the frame, for sites that allow frames but not scripts.
//   <iframe src="https://example.org/iamplay/embed.html?lang=zh-CN&step=3#SHARE-LINK"
//           width="100%" height="420" title="iamplay"></iframe>
// The fragment is a share link ("Copy link" in the playground); without one, `?scenario=ID`
// opens a lesson. `?lang=`, `?view=`, `?step=`, `?readonly`, `?theme=` as the attributes of
// iamplay-embed.js. The frame's "open in the full playground" always links the playground it
// was built with: an address cannot send its readers elsewhere.

import { mount } from './iamplay-embed.js';

/** The share link in the fragment ('' when there is none; as it is when it is not valid percent-encoding). */
function link() {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return location.hash.slice(1);
  }
}

function options() {
  const given = Object.fromEntries(new URLSearchParams(location.search));
  delete given.playground;
  const shared = link();
  if (shared) given.share = shared;
  if ('readonly' in given && given.readonly === '') given.readonly = true;
  return { height: '100vh', ...given };
}

const widget = mount(document.getElementById('widget'), options());
addEventListener('hashchange', () => {
  const shared = link();
  if (shared) widget.setScenario({ share: shared });
});
