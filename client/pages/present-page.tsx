import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EstatePicker } from '../components/estate-picker.tsx';
import { LoadState } from '../components/load-state.tsx';
import { PresentToolbar } from '../components/present/present-toolbar.tsx';
import type { SlideMeta } from '../components/present/slide-frame.tsx';
import { SlideClosest } from '../components/present/slide-closest.tsx';
import { SlideNext } from '../components/present/slide-next.tsx';
import { SlideParking } from '../components/present/slide-parking.tsx';
import { SlidePhasing } from '../components/present/slide-phasing.tsx';
import { SlidePeople } from '../components/present/slide-people.tsx';
import { SlideProgress } from '../components/present/slide-progress.tsx';
import { SlideReplay } from '../components/present/slide-replay.tsx';
import { SlideToday } from '../components/present/slide-today.tsx';
import { useFitScale } from '../hooks/use-fit-scale.ts';
import { usePresentData, type PresentData } from '../hooks/use-present.ts';
import { deckToPdf, download, slideDrawn, slideToPngBlob, STAGE, type Paper } from '../present/export-slides.ts';
import { PrintingContext } from '../present/print-context.ts';
import { printCopyOf } from '../present/print-deck.ts';
import { slideStep } from '../present/slide-keys.ts';
import { MapThemeContext } from '../map/map-theme.ts';
import { slideFromHash, slideKeys, type SlideKey } from '../present/slides.ts';
import '../styles/present.css';

function Slide({ slide, data, meta, pixelRatio }: { slide: SlideKey; data: PresentData; meta: SlideMeta; pixelRatio: number }) {
  const { map, replay, deck } = data;
  switch (slide) {
    case 'today':
      return <SlideToday meta={meta} map={map} pixelRatio={pixelRatio} />;
    case 'progress':
      return <SlideProgress meta={meta} map={map} days={replay.days} from={replay.from} />;
    case 'replay':
      return <SlideReplay meta={meta} map={map} days={replay.days} pixelRatio={pixelRatio} />;
    case 'closest':
      return <SlideClosest meta={meta} map={map} pixelRatio={pixelRatio} />;
    case 'phasing':
      return deck.phasing && <SlidePhasing meta={meta} map={map} phasing={deck.phasing} pixelRatio={pixelRatio} />;
    case 'parking':
      return deck.parking && <SlideParking meta={meta} map={map} parking={deck.parking} pixelRatio={pixelRatio} />;
    case 'people':
      return <SlidePeople meta={meta} map={map} people={deck.people} pixelRatio={pixelRatio} />;
    case 'next':
      return <SlideNext meta={meta} map={map} deck={deck} />;
  }
}

/**
 * 汇报: the meeting deck on a 1920×1080 stage scaled to the screen, turned by
 * keyboard or clicker; each slide exports to PNG (1× or 4K), the deck to PDF.
 */
export function PresentPage() {
  const present = usePresentData();
  if (!present.data) return <LoadState error={present.error} refetch={present.refetch} />;
  return <Deck data={present.data} />;
}

function Deck({ data }: { data: PresentData }) {
  const { t } = useTranslation();
  const keys = slideKeys(data.deck);
  const count = keys.length;
  const [index, setIndex] = useState(() => slideFromHash(location.hash, count));
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const [printing, setPrinting] = useState(false);
  const printingRef = useRef(false);
  const viewport = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const scale = useFitScale(viewport, STAGE.width, STAGE.height);
  const pixelRatio = Math.max(1, Math.round((window.devicePixelRatio || 1) * scale * 100) / 100);

  const go = useCallback((i: number) => setIndex(Math.max(0, Math.min(count - 1, i))), [count]);

  useEffect(() => {
    history.replaceState(null, '', `#${index + 1}`);
  }, [index]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (busy) return;
      if (e.key === 'f' && !e.ctrlKey && !e.metaKey && !(e.target instanceof HTMLInputElement)) return void toggleFullscreen();
      const step = slideStep(e);
      if (step === null) return;
      e.preventDefault();
      setIndex((i) => (step === 'first' ? 0 : step === 'last' ? count - 1 : Math.max(0, Math.min(count - 1, i + step))));
    };
    const onFullscreen = () => setFullscreen(document.fullscreenElement !== null);
    // A slide number typed into the address bar (#5) jumps there.
    const onHash = () => setIndex(slideFromHash(location.hash, count));
    window.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', onHash);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', onHash);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [busy, count]);

  const drawnSlide = async (i: number): Promise<HTMLElement> => {
    setIndex(i);
    for (;;) {
      const el = stage.current;
      if (el?.dataset.index === String(i) && el.dataset.print === String(printingRef.current)) {
        await slideDrawn(el);
        return el;
      }
      await new Promise((r) => requestAnimationFrame(r));
    }
  };

  const base = `${data.map.estate.name}-汇报`;
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus(t('present.exported', { file: await work() }));
    } catch (e) {
      setStatus(t('present.exportFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const onPng = (factor: 1 | 2) =>
    run(async () => {
      const file = `${base}-${String(index + 1).padStart(2, '0')}-${keys[index]}${factor === 2 ? '-4K' : ''}.png`;
      download(await slideToPngBlob(await drawnSlide(index), factor), file);
      return file;
    });
  const onPdf = (paper: Paper) =>
    run(async () => {
      const back = index;
      const file = `${base}-${paper}.pdf`;
      // Paper gets the light theme, the replay at its last day, no controls.
      printingRef.current = true;
      setPrinting(true);
      try {
        const pdf = await deckToPdf(count, (i) => {
          setStatus(t('present.exporting', { n: i + 1, count }));
          return drawnSlide(i);
        }, paper);
        download(pdf, file);
      } finally {
        printingRef.current = false;
        setPrinting(false);
        setIndex(back);
      }
      return file;
    });

  // 打印: every slide copied as it is drawn for paper into pages the browser prints, so a PDF saved from it has its text.
  const [printed, setPrinted] = useState<HTMLElement[] | null>(null);
  const onPrint = () =>
    run(async () => {
      const back = index;
      printingRef.current = true;
      setPrinting(true);
      try {
        const pages: HTMLElement[] = [];
        for (let i = 0; i < count; i++) {
          setStatus(t('present.exporting', { n: i + 1, count }));
          pages.push(await printCopyOf(await drawnSlide(i)));
        }
        setPrinted(pages);
      } finally {
        printingRef.current = false;
        setPrinting(false);
        setIndex(back);
      }
      return t('present.printReady');
    });
  useEffect(() => {
    if (!printed) return;
    const done = () => setPrinted(null);
    window.addEventListener('afterprint', done, { once: true });
    // The pages are in the document: open the browser's print dialog (save as PDF there).
    requestAnimationFrame(() => window.print());
    return () => window.removeEventListener('afterprint', done);
  }, [printed]);

  const meta: SlideMeta = { estateName: data.map.estate.name, asOf: data.replay.to, n: index + 1, count, schematic: data.map.estate.schematic };
  return (
    <div className={`present${fullscreen ? ' fullscreen' : ''}`}>
      {!fullscreen && (
        <PresentToolbar index={index} count={count} busy={busy} status={status} onGo={go} onFullscreen={toggleFullscreen} onPng={(f) => void onPng(f)} onPdf={(p) => void onPdf(p)} onPrint={() => void onPrint()} picker={<EstatePicker estates={data.estates} current={data.map.estate.id} />} />
      )}
      {printed && <PrintedDeck pages={printed} />}
      <div className="present-viewport" ref={viewport}>
        <div className="present-scaler" style={{ width: STAGE.width * scale, height: STAGE.height * scale }}>
          {/* The transform sits outside the stage, so an export of the stage is the slide at its own size. */}
          <div style={{ width: STAGE.width, height: STAGE.height, transform: `scale(${scale})`, transformOrigin: '0 0' }}>
            <div className={`present-stage${printing ? ' print' : ''}`} ref={stage} data-testid="present-stage" data-index={index} data-slide={keys[index]} data-print={String(printing)}>
              <MapThemeContext.Provider value={printing ? 'light' : 'dark'}>
                <PrintingContext.Provider value={printing}>
                  <Slide key={keys[index]} slide={keys[index]!} data={data} meta={meta} pixelRatio={pixelRatio} />
                </PrintingContext.Provider>
              </MapThemeContext.Provider>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

/** The printed deck: one landscape page per slide, shown only to the printer (present.css @media print). */
function PrintedDeck({ pages }: { pages: HTMLElement[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.replaceChildren(
      ...pages.map((slide) => {
        const page = document.createElement('section');
        page.className = 'print-page';
        const scaler = document.createElement('div');
        scaler.className = 'print-scaler';
        scaler.append(slide);
        page.append(scaler);
        return page;
      }),
    );
  }, [pages]);
  return <div className="print-deck" ref={box} data-testid="print-deck" data-pages={pages.length} />;
}

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen().catch(() => undefined);
}
