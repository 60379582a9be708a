import L from "leaflet";
import { LAND_COLOURS } from "@/geo/land-svg";
import type { BasemapPaint, WorldRing } from "@/geo/world-shapes";

/** As the land's image draws it until this canvas is drawn (geo/land-svg.ts). */
const LAND = { ...LAND_COLOURS, width: 0.8 };
const PROVINCES = { stroke: "#b9c1c9", width: 0.6, dash: [2, 3] };

/** What the canvas renderer keeps that Leaflet's types do not declare. */
interface CanvasInternals {
  _ctx: CanvasRenderingContext2D;
  _bounds: L.Bounds;
}

/**
 * The countries and provinces drawn straight onto one canvas, in one pass, from shapes projected
 * at build (geo/world-shapes.ts). Leaflet's canvas renderer does the rest: it sizes the canvas around
 * the view at each move's end, and scales it during a zoom's animation. A Leaflet polygon per
 * country (as <GeoJSON> made) cost the page's longest task at load: 177 layers added one by one,
 * each converting, projecting and clipping its own coordinates.
 */
export class BasemapCanvas extends L.Canvas {
  private readonly paint: BasemapPaint;

  constructor(paint: BasemapPaint, options: L.RendererOptions) {
    super(options);
    this.paint = paint;
  }

  /**
   * Leaflet's canvas renderer calls this to draw its layers, after each move's end has resized
   * and cleared the canvas (and once when it is added); this renderer has no layers, only shapes.
   */
  _draw() {
    const { _ctx: ctx, _bounds: bounds } = this as unknown as CanvasInternals;
    const map = this._map;
    if (!ctx || !bounds || !map) return;
    const scale = map.getZoomScale(map.getZoom(), 0);
    const origin = map.getPixelOrigin();
    // What the canvas covers, in world pixels: shapes wholly outside it are skipped.
    const view = {
      minX: (bounds.min!.x + origin.x) / scale,
      minY: (bounds.min!.y + origin.y) / scale,
      maxX: (bounds.max!.x + origin.x) / scale,
      maxY: (bounds.max!.y + origin.y) / scale,
    };
    const inView = (ring: WorldRing) =>
      ring.maxX >= view.minX && ring.minX <= view.maxX && ring.maxY >= view.minY && ring.minY <= view.maxY;
    const trace = ({ xy }: WorldRing) => {
      ctx.moveTo(xy[0]! * scale - origin.x, xy[1]! * scale - origin.y);
      for (let i = 2; i < xy.length; i += 2) ctx.lineTo(xy[i]! * scale - origin.x, xy[i + 1]! * scale - origin.y);
    };

    ctx.save();
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.fillStyle = LAND.fill;
    ctx.strokeStyle = LAND.stroke;
    ctx.lineWidth = LAND.width;
    for (const polygon of this.paint.land) {
      if (!polygon[0] || !inView(polygon[0])) continue;
      ctx.beginPath();
      for (const ring of polygon) {
        trace(ring);
        ctx.closePath();
      }
      ctx.fill("evenodd");
      ctx.stroke();
    }
    ctx.strokeStyle = PROVINCES.stroke;
    ctx.lineWidth = PROVINCES.width;
    ctx.setLineDash(PROVINCES.dash);
    ctx.beginPath();
    for (const ring of this.paint.provinces) if (inView(ring)) trace(ring);
    ctx.stroke();
    ctx.restore();
  }
}
