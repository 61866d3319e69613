'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ViewerAtomFragment, ViewerBondFragment } from '@/lib/api/generated/graphql';
import { divergingColour, fixed } from '@/lib/chem-format';
import { orientToPrincipalAxes } from '@/lib/principal-axes';

type GLViewer = import('3dmol').GLViewer;
type ColourMode = 'element' | 'charge' | 'attribution';

export interface StructureViewerProps {
  atoms: ViewerAtomFragment[];
  bonds: ViewerBondFragment[];
  /** Per-atom attribution (log10 k units) by atom index; enables "colour by attribution". */
  attributions?: Record<number, number> | null;
  /** Atom indices to highlight (motif matches). */
  highlight?: number[];
  /** Viewers sharing a group rotate and zoom together (compare page). */
  linkGroup?: string;
  label: string;
  initialMode?: ColourMode;
  compact?: boolean;
}

const linked = new Map<string, Set<GLViewer>>();

/** Performance marks (first occurrence only) read by bench:web. */
function mark(name: string): void {
  if (typeof performance !== 'undefined' && !performance.getEntriesByName(name).length) performance.mark(name);
}

function scaleFor(values: number[]): number {
  const max = Math.max(1e-9, ...values.map((v) => Math.abs(v)));
  return max;
}

interface StyleSettings {
  mode: ColourMode;
  labels: boolean;
  attributions?: Record<number, number> | null;
  highlight?: number[];
}

/** Colours, highlight and labels in a handful of 3Dmol calls (a call per atom is slow on software WebGL). */
function applyStyle(viewer: GLViewer, atoms: ViewerAtomFragment[], { mode, labels, attributions, highlight }: StyleSettings): void {
  mark('clusteratlas:style-start');
  const chargeScale = scaleFor(atoms.map((a) => a.partialCharge));
  const attrScale = scaleFor(attributions ? Object.values(attributions) : []);
  const colour =
    mode === 'charge'
      ? { colorfunc: (a: { index: number }) => divergingColour((atoms[a.index]?.partialCharge ?? 0) / chargeScale) }
      : mode === 'attribution' && attributions
        ? { colorfunc: (a: { index: number }) => divergingColour((attributions[a.index] ?? 0) / attrScale) }
        : { colorscheme: 'Jmol' };
  const hl = new Set(highlight ?? []);
  const metals = atoms.filter((a) => a.isMetal).map((a) => a.index);
  const ligands = atoms.filter((a) => !a.isMetal).map((a) => a.index);
  const dimmed = atoms.filter((a) => hl.size > 0 && !hl.has(a.index)).map((a) => a.index);
  const opacity = (dim: boolean) => (dim ? 0.25 : 1);
  viewer.setStyle({}, { sphere: { ...colour, scale: 0.26 }, stick: { ...colour, radius: 0.11 } });
  if (metals.length) viewer.setStyle({ index: metals }, { sphere: { ...colour, scale: 0.32 }, stick: { ...colour, radius: 0.11 } });
  if (dimmed.length) {
    viewer.setStyle(
      { index: dimmed.filter((i) => !ligands.includes(i)) },
      { sphere: { ...colour, scale: 0.32, opacity: opacity(true) }, stick: { ...colour, radius: 0.11, opacity: opacity(true) } },
    );
    viewer.setStyle(
      { index: dimmed.filter((i) => ligands.includes(i)) },
      { sphere: { ...colour, scale: 0.26, opacity: opacity(true) }, stick: { ...colour, radius: 0.11, opacity: opacity(true) } },
    );
  }
  if (hl.size) viewer.setStyle({ index: [...hl] }, { sphere: { ...colour, scale: 0.4 }, stick: { ...colour, radius: 0.11 } });
  viewer.removeAllLabels();
  viewer.removeAllShapes();
  for (const i of hl) {
    const a = atoms[i];
    if (a) viewer.addSphere({ center: { x: a.xAngstrom, y: a.yAngstrom, z: a.zAngstrom }, radius: 0.85, color: '#ff8c00', opacity: 0.6 });
  }
  if (labels) {
    for (const a of atoms) {
      viewer.addLabel(`${a.element}${a.index + 1}`, {
        position: { x: a.xAngstrom, y: a.yAngstrom, z: a.zAngstrom },
        fontSize: 11,
        fontColor: 'black',
        backgroundColor: 'white',
        backgroundOpacity: 0.7,
        inFront: true,
      });
    }
  }
  mark('clusteratlas:render-start');
}

/**
 * The 3D structure: 3Dmol.js is imported only here, on the client, so it lands in its own chunk
 * and pages without a structure never download it.
 */
export function StructureViewer({
  atoms: stored,
  bonds,
  attributions,
  highlight,
  linkGroup,
  label,
  initialMode = 'element',
  compact = false,
}: StructureViewerProps) {
  // The view opens along the principal axes (widest face towards the viewer); coordinates in
  // downloads stay as computed.
  const atoms = useMemo(() => orientToPrincipalAxes(stored), [stored]);
  const box = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<GLViewer | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [mode, setMode] = useState<ColourMode>(initialMode);
  const [labels, setLabels] = useState(false);
  const [hovered, setHovered] = useState<string | null>(null);
  const controlsId = useId();
  // Current settings for the creation effect, and what the viewer was last styled with.
  const settings = useRef<StyleSettings>({ mode, labels, attributions, highlight });
  settings.current = { mode, labels, attributions, highlight };
  const applied = useRef<StyleSettings | null>(null);

  const neighbours = useMemo(() => {
    const map = new Map<number, Array<{ other: number; order: number; length: number }>>();
    for (const b of bonds) {
      map.set(b.a, [...(map.get(b.a) ?? []), { other: b.b, order: b.order, length: b.lengthAngstrom }]);
      map.set(b.b, [...(map.get(b.b) ?? []), { other: b.a, order: b.order, length: b.lengthAngstrom }]);
    }
    return map;
  }, [bonds]);

  // Create the viewer once per structure.
  useEffect(() => {
    const container = box.current;
    let cancelled = false;
    let viewer: GLViewer | null = null;
    import('3dmol')
      .then(($3Dmol) => {
        if (cancelled || !box.current) return;
        mark('clusteratlas:3dmol-loaded');
        viewer = $3Dmol.createViewer(box.current, { backgroundColor: 'white', antialias: false });
        mark('clusteratlas:viewer-created');
        const model = viewer.addModel();
        model.addAtoms(
          atoms.map((a) => ({
            elem: a.element,
            x: a.xAngstrom,
            y: a.yAngstrom,
            z: a.zAngstrom,
            serial: a.index,
            index: a.index,
            bonds: (neighbours.get(a.index) ?? []).map((n) => n.other),
            bondOrder: (neighbours.get(a.index) ?? []).map(() => 1),
          })),
        );
        viewer.setHoverable(
          {},
          true,
          (atom: { index: number }) => {
            const a = atoms[atom.index];
            if (!a) return;
            const bondText = (neighbours.get(a.index) ?? [])
              .map((n) => `${atoms[n.other]?.element}${n.other + 1}: order ${n.order.toFixed(2)}, ${n.length.toFixed(2)} Å`)
              .join('; ');
            setHovered(
              `${a.element}${a.index + 1} · q = ${fixed(a.partialCharge, 3)} e · CN = ${a.coordinationNumber.toFixed(2)}${bondText ? ` · bonds: ${bondText}` : ''}`,
            );
          },
          () => setHovered(null),
        );
        mark('clusteratlas:model-added');
        // Style before the first frame, in the same task: one render, no React round trip.
        applyStyle(viewer, atoms, settings.current);
        applied.current = settings.current;
        viewer.zoomTo();
        viewer.render();
        if (box.current) box.current.dataset.viewerReady = 'true';
        mark('clusteratlas:viewer-ready');
        viewerRef.current = viewer;
        if (linkGroup) {
          const group = linked.get(linkGroup) ?? new Set<GLViewer>();
          group.forEach((other) => {
            other.linkViewer(viewer!);
            viewer!.linkViewer(other);
          });
          group.add(viewer);
          linked.set(linkGroup, group);
        }
        setStatus('ready');
      })
      .catch(() => !cancelled && setStatus('failed'));
    return () => {
      cancelled = true;
      if (viewer && linkGroup) linked.get(linkGroup)?.delete(viewer);
      viewerRef.current = null;
      // 3Dmol keeps its WebGL context on the canvas; dropping the element releases it.
      container?.replaceChildren();
    };
  }, [atoms, neighbours, linkGroup]);

  // Restyle when the colouring, labels or highlight change (the first styling happens at creation).
  useEffect(() => {
    const viewer = viewerRef.current;
    if (!viewer || status !== 'ready') return;
    const last = applied.current;
    if (last && last.mode === mode && last.labels === labels && last.attributions === attributions && last.highlight === highlight) return;
    applyStyle(viewer, atoms, settings.current);
    applied.current = settings.current;
    viewer.render();
  }, [atoms, attributions, highlight, labels, mode, status]);

  const act = (fn: (v: GLViewer) => void) => () => {
    const v = viewerRef.current;
    if (!v) return;
    fn(v);
    v.render();
  };

  const scaleNote =
    mode === 'charge'
      ? 'Blue: negative partial charge; red: positive (GFN2-xTB, e).'
      : mode === 'attribution'
        ? 'Red atoms raise the predicted rate, blue atoms lower it (Shapley values, log10 k units).'
        : 'Colours by element (Jmol scheme).';

  return (
    <figure className="viewer" style={{ margin: 0 }} aria-label={`3D structure of ${label}`}>
      <div className="viewer-box" style={compact ? { aspectRatio: '1 / 1' } : undefined}>
        <div
          ref={box}
          className="viewer-canvas"
          data-viewer-status={status}
          role="img"
          aria-label={`Interactive 3D model of ${label}: drag to rotate, scroll to zoom, or use the buttons below`}
        />
        {status === 'loading' ? <p className="viewer-status">Loading 3D viewer…</p> : null}
        {status === 'failed' ? (
          <p className="viewer-status field-error">The 3D viewer could not start (WebGL unavailable?). The XYZ download still works.</p>
        ) : null}
      </div>
      <div className="viewer-toolbar" id={controlsId}>
        <label>
          Colour{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as ColourMode)}>
            <option value="element">by element</option>
            <option value="charge">by partial charge</option>
            <option value="attribution" disabled={!attributions}>
              by attribution{attributions ? '' : ' (not loaded)'}
            </option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={labels} onChange={(e) => setLabels(e.target.checked)} /> atom labels
        </label>
        <span role="group" aria-label="Rotate and zoom" className="actions" style={{ margin: 0 }}>
          <button type="button" className="button-quiet" onClick={act((v) => v.rotate(-30, 'y'))} aria-label="Rotate left">
            ⟲
          </button>
          <button type="button" className="button-quiet" onClick={act((v) => v.rotate(30, 'y'))} aria-label="Rotate right">
            ⟳
          </button>
          <button type="button" className="button-quiet" onClick={act((v) => v.rotate(30, 'x'))} aria-label="Tilt">
            ⤼
          </button>
          <button type="button" className="button-quiet" onClick={act((v) => v.zoom(1.25))} aria-label="Zoom in">
            +
          </button>
          <button type="button" className="button-quiet" onClick={act((v) => v.zoom(0.8))} aria-label="Zoom out">
            −
          </button>
          <button type="button" className="button-quiet" onClick={act((v) => v.zoomTo())}>
            Reset
          </button>
        </span>
      </div>
      <figcaption className="hint" aria-live="polite">
        {hovered ?? `${scaleNote} Hover an atom for its charge, coordination number and bond orders.`}
      </figcaption>
    </figure>
  );
}
