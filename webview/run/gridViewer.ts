// The reconstruction / colorization grid of each epoch, with a slider; it follows the newest epoch while the
// slider is at the end.
import type { GridImage } from '../../src/shared/webviewMessages';
import { el } from '../common/dom';

export interface GridViewer { images: GridImage[]; index: number; following: boolean }

export function renderGrid(box: HTMLElement, images: GridImage[], previous?: GridViewer): GridViewer {
  // Nothing new: keep the drawn <img> (no flicker) and the slider's state.
  if (previous && previous.images.length === images.length && box.querySelector('img.grid-image')) return previous;
  const following = previous ? previous.following : true;
  const state: GridViewer = { images, index: following ? images.length - 1 : Math.min(previous?.index ?? 0, images.length - 1), following };
  if (images.length === 0) {
    box.replaceChildren(el('h3', { text: 'Reconstructions' }), el('p', { class: 'muted', text: 'No grid image yet (one is written after each epoch).' }));
    return state;
  }
  const img = el('img', { class: 'grid-image' });
  const caption = el('span');
  const show = () => {
    const image = images[state.index];
    img.src = image.uri;
    img.alt = `grid of epoch ${image.epoch}`;
    caption.textContent = `epoch ${image.epoch}`;
  };
  const slider = el('input', { type: 'range', min: '0', max: String(images.length - 1), step: '1', value: String(state.index), 'aria-label': 'Epoch' });
  slider.addEventListener('input', () => {
    state.index = Number(slider.value);
    state.following = state.index === images.length - 1;
    show();
  });
  show();
  box.replaceChildren(el('h3', { text: 'Reconstructions (top: input, bottom: output)' }), el('div', { class: 'slider' }, slider, caption), img);
  return state;
}
