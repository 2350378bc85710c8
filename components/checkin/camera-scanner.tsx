"use client";
// Scanning with the phone's camera: BarcodeDetector where the browser has it, else jsQR, loaded only here
// (a dynamic import, so no other page ships the decoder). Frames are read a few times a second; after a hit
// the scanner pauses while the verdict is on screen, so one ticket is not scanned ten times.
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

type Decode = (video: HTMLVideoElement) => Promise<string | null>;
/** Which decoder reads the frames; on the page as data-decoder, so a test can tell which path ran. */
type DecoderKind = "barcode-detector" | "jsqr";

interface DetectorLike {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
type DetectorClass = new (options: { formats: string[] }) => DetectorLike;

async function makeDecoder(canvas: HTMLCanvasElement): Promise<{ kind: DecoderKind; decode: Decode }> {
  const Detector = (globalThis as { BarcodeDetector?: DetectorClass & { getSupportedFormats?: () => Promise<string[]> } }).BarcodeDetector;
  // Chromium on Linux and Windows may have the class with no QR support behind it: ask before relying on it.
  const formats = Detector ? await (Detector.getSupportedFormats?.() ?? Promise.resolve(["qr_code"])).catch((): string[] => []) : [];
  if (Detector && formats.includes("qr_code")) {
    const detector = new Detector({ formats: ["qr_code"] });
    return { kind: "barcode-detector", decode: async (video) => (await detector.detect(video))[0]?.rawValue ?? null };
  }
  const { default: jsQR } = await import("jsqr");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const decode: Decode = async (video) => {
    if (!context || video.videoWidth === 0) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "dontInvert" })?.data ?? null;
  };
  return { kind: "jsqr", decode };
}

const FRAME_EVERY_MS = 200;
// After "Volgende" the ticket just scanned is often still in view: ignore that one code for a moment.
const SAME_CODE_COOLDOWN_MS = 2_500;

export function CameraScanner({ paused, onCode }: { paused: boolean; onCode: (code: string) => void }) {
  const t = useTranslations("checkin.camera");
  const [active, setActive] = useState(false);
  const [state, setState] = useState<"idle" | "starting" | "running" | "denied">("idle");
  const [decoder, setDecoder] = useState<DecoderKind | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const pausedRef = useRef(paused);
  const onCodeRef = useRef(onCode);
  const last = useRef({ code: "", resumedAt: 0 });
  useEffect(() => {
    if (pausedRef.current && !paused) last.current.resumedAt = Date.now();
    pausedRef.current = paused;
    onCodeRef.current = onCode;
  }, [paused, onCode]);

  useEffect(() => {
    if (!active) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        const element = video.current;
        if (stopped || !element || !canvas.current) return;
        element.srcObject = stream;
        await element.play();
        const { kind, decode } = await makeDecoder(canvas.current);
        setDecoder(kind);
        setState("running");
        const tick = async () => {
          if (stopped) return;
          if (!pausedRef.current) {
            const code = await decode(element).catch(() => null);
            const repeat = code === last.current.code && Date.now() - last.current.resumedAt < SAME_CODE_COOLDOWN_MS;
            if (code && !stopped && !repeat) {
              last.current.code = code;
              onCodeRef.current(code);
            }
          }
          timer = window.setTimeout(tick, FRAME_EVERY_MS);
        };
        void tick();
      } catch {
        if (!stopped) setState("denied");
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [active]);

  return (
    <div className="space-y-2">
      <button type="button" onClick={() => {
          setState(active ? "idle" : "starting");
          setActive(!active);
        }} aria-pressed={active} className="min-h-14 w-full rounded-md bg-petrol-800 px-4 text-lg font-semibold text-white">
        <span aria-hidden>{active ? "■ " : "▣ "}</span>
        {active ? t("stop") : t("start")}
      </button>
      {active && (
        <div className="space-y-1" data-decoder={decoder ?? undefined}>
          <video ref={video} muted playsInline aria-label={t("aim")} className="aspect-square w-full rounded-md bg-ink object-cover" />
          <canvas ref={canvas} hidden />
          <p role="status" className="text-sm">
            {state === "starting" ? t("starting") : state === "denied" ? t("denied") : t("aim")}
          </p>
        </div>
      )}
    </div>
  );
}
