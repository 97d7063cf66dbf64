// The devices page: the browsers paired with `rehearse serve --listen` (a phone on the network),
// when each was last seen, and a button to revoke one (it must pair again).
import {api} from './api.js';
import {h, clear} from './dom.js';
import {showError, toast} from './ui.js';

function when(iso) {
  return iso.replace('T', ' ').replace('Z', ' UTC');
}

export async function devicesPage(root) {
  const view = h('section', {class: 'panel devices-page'});
  root.append(view);
  async function load() {
    let data;
    try {
      data = await api.get('/api/devices');
    } catch (error) {
      showError(error, view);
      return;
    }
    clear(view).append(h('h2', {}, 'Paired devices'),
      h('p', {class: 'muted'}, data.pairing_required
        ? `This server listens beyond this computer: each device pairs with the code shown in its terminal. A device unused for ${data.expiry_days} days must pair again.`
        : 'This server listens on this computer only: no device needs to pair. Devices paired when it served the network are listed here.'));
    if (!data.devices.length) {
      view.append(h('p', {id: 'no-devices'}, 'No paired devices.'));
      return;
    }
    view.append(h('ul', {class: 'device-list'}, data.devices.map((device) => h('li', {class: 'device', 'data-id': device.id},
      h('div', {class: 'device-text'},
        h('strong', {}, device.name), device.this_device ? h('span', {class: 'badge'}, 'this device') : null,
        h('div', {class: 'muted'}, `paired ${when(device.paired_at)} · last seen ${when(device.last_seen)}`)),
      h('button', {type: 'button', class: 'revoke', onclick: async () => {
        try {
          await api.post(`/api/devices/${device.id}/revoke`);
          toast(`${device.name} was revoked: it must pair again.`);
          if (device.this_device) location.reload();
          else load();
        } catch (error) {
          showError(error);
        }
      }}, 'Revoke')))));
  }
  await load();
  return {};
}
