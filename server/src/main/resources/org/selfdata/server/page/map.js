'use strict';
// The map the pages that show places share (the places page, the page of what the data reveals): its background
// comes from a tile server only when the operator set one; otherwise, or when tiles fail, the map stays plain and says
// so. Places are drawn alike on every such page: labelled circles.
const selfdataMap = (() => {
    /**
     * The map in the element `map`, over France until the page frames what it shows, with its notice `map-notice` shown
     * while it has no background and the tiles' attribution written in `map-attribution`.
     */
    function create() {
        const container = selfdata.element('map');
        const map = L.map(container, { attributionControl: false, zoomSnap: 1, worldCopyJump: false }).setView([46.6, 2.4], 5);
        L.control.scale({ imperial: false }).addTo(map);
        const tiles = container.dataset.tiles;
        const notice = selfdata.element('map-notice');
        if (!tiles) {
            container.classList.add('plain');
            notice.hidden = false;
            return map;
        }
        let loaded = false;
        const layer = L.tileLayer(tiles, { maxZoom: 19, subdomains: 'abc', crossOrigin: false });
        layer.on('tileload', () => {
            loaded = true;
            notice.hidden = true;
            container.classList.remove('plain');
        });
        layer.on('tileerror', () => {
            if (!loaded) {
                container.classList.add('plain');
                notice.hidden = false;
            }
        });
        layer.addTo(map);
        selfdata.element('map-attribution').textContent = container.dataset.tilesAttribution || '';
        return map;
    }

    /** A place as a circle with its label beside it, always shown when `labelShown`, otherwise on hovering. */
    function place(layer, latitude, longitude, label, labelShown) {
        return L.circleMarker([latitude, longitude], { className: 'place', radius: 7, color: '#9c2f00', weight: 2,
            fillColor: '#ffffff', fillOpacity: 0.9 })
            .bindTooltip(selfdata.create('span', { text: label }), { permanent: labelShown, direction: 'right' })
            .addTo(layer);
    }

    return { create, place };
})();
