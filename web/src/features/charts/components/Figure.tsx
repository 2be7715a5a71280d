import { useEffect, useRef, useState } from 'react';
import { toCsv } from '../../../../../src/ledger/csv';
import { saveBlob } from '../../../shared/api';
import { ErrorNote } from '../../../shared/ErrorNote';

interface Props<R extends object> {
  id: string;
  title: string;
  /** Draws the chart (an Observable Plot figure); called again when `data` changes. */
  draw: (width: number) => HTMLElement | SVGSVGElement;
  /** The figures the chart draws, one object per row: what its CSV holds. */
  data: readonly R[];
  empty?: string;
  note?: string;
}

/** A chart with its title, and buttons to save it as SVG or PNG and its figures as CSV. */
export function Figure<R extends object>({ id, title, draw, data, empty = 'Nothing to draw for these filters.', note }: Props<R>) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || data.length === 0) return;
    const chart = draw(Math.max(320, Math.min(el.clientWidth || 640, 960)));
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [draw, data]);
  const svg = () => {
    const found = [...(box.current?.querySelectorAll('svg') ?? [])].filter((s) => !s.closest('[class$="-swatches"]'));
    return found[found.length - 1];
  };
  const save = (format: 'svg' | 'png' | 'csv') => {
    setError(null);
    const name = `pledgewatch-${id}.${format}`;
    if (format === 'csv') {
      const columns = Object.keys(data[0]).map((key) => ({ name: key, value: (r: R) => cellOf((r as Record<string, unknown>)[key]) }));
      return saveBlob(new Blob([toCsv(columns, data)], { type: 'text/csv' }), name);
    }
    const chart = svg();
    if (!chart) return;
    const text = svgText(chart);
    if (format === 'svg') return saveBlob(new Blob([text], { type: 'image/svg+xml' }), name);
    svgToPng(text, chart.clientWidth || 640, chart.clientHeight || 400).then((png) => saveBlob(png, name)).catch(setError);
  };
  return (
    <section className="panel figure" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <header className="panel-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="toggle" role="group" aria-label={`Save “${title}”`}>
          <button type="button" onClick={() => save('svg')} disabled={data.length === 0}>SVG</button>
          <button type="button" onClick={() => save('png')} disabled={data.length === 0}>PNG</button>
          <button type="button" onClick={() => save('csv')} disabled={data.length === 0}>CSV</button>
        </div>
      </header>
      {data.length === 0 ? <p className="muted">{empty}</p> : <div ref={box} className="plot" />}
      {note && <p className="muted small">{note}</p>}
      <ErrorNote error={error} />
    </section>
  );
}

const cellOf = (v: unknown): string | number | null => (v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));

/** The chart as a standalone SVG document, its styles carried inline by Plot. */
function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('style', `${copy.getAttribute('style') ?? ''};background:#fff;font-family:system-ui,sans-serif`);
  return new XMLSerializer().serializeToString(copy);
}

/** Draws the SVG on a canvas at twice its size: a PNG that stays sharp in a briefing. The page's policy allows images from data: addresses. */
function svgToPng(text: string, width: number, height: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext('2d');
      if (!context) return reject(new Error('this browser cannot draw a PNG'));
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png');
    };
    image.onerror = () => reject(new Error('the chart could not be drawn as a PNG'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
}
