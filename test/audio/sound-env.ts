/**
 * A real sound setup for tests, as on a lobby-screen PC: PulseAudio with a null sink (its monitor
 * is what the screen played), speech-dispatcher with espeak-ng voices, and an X server (Xvfb) for
 * a headful Chromium (headless Chromium plays Web Audio into a fake device, not into PulseAudio).
 *
 * Everything lives in its own temporary folder (XDG_RUNTIME_DIR, HOME) and runs as children of
 * the test process, also as root in CI; `stop()` ends them by process id. speech-dispatcher is
 * started by Chromium itself (`--enable-speech-dispatcher`), as on a screen PC, with its socket
 * and pid file in that folder; `stop()` ends it by the id in its pid file.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SINK = 'lotse_screen';

export interface SoundEnv {
  dir: string;
  /** Environment for every process that plays or records sound (Chromium included). */
  env: Record<string, string>;
  /** Starts recording the sink's monitor into a WAV file; `stop` ends it and returns the path. */
  record(name: string): Promise<Recording>;
  stop(): Promise<void>;
}

export interface Recording {
  path: string;
  stop(): Promise<string>;
}

const NEEDED = [
  '/usr/bin/pulseaudio',
  '/usr/bin/parecord',
  '/usr/bin/Xvfb',
  '/usr/bin/speech-dispatcher',
  '/usr/bin/sox',
];

/** Programs the audio tests need that are missing (`.ci/run` installs them). */
export function missingPrograms(): string[] {
  return NEEDED.filter((p) => !existsSync(p));
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function end(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export async function startSoundEnv(): Promise<SoundEnv> {
  const missing = missingPrograms();
  if (missing.length > 0) throw new Error(`missing for the audio tests: ${missing.join(', ')} (.ci/run installs them)`);
  const dir = mkdtempSync(join(tmpdir(), 'lotse-audio-'));
  const runtime = join(dir, 'run');
  const home = join(dir, 'home');
  mkdirSync(runtime, { mode: 0o700 });
  mkdirSync(home);
  const pulseSocket = join(runtime, 'pulse.sock');
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    XDG_RUNTIME_DIR: runtime,
    HOME: home,
    PULSE_SERVER: `unix:${pulseSocket}`,
    PULSE_SINK: SINK,
    LANG: 'C.UTF-8',
  };
  const children: ChildProcess[] = [];
  const logs: string[] = [];
  const start = (command: string, args: string[], env: Record<string, string> = base) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d) => logs.push(String(d)));
    child.stderr?.on('data', (d) => {
      if (logs.length < 200) logs.push(String(d));
    });
    children.push(child);
    return child;
  };
  const stop = async () => {
    for (const child of children.reverse()) await end(child);
    stopSpeechDispatcher(runtime);
    // LOTSE_AUDIO_KEEP=1 keeps the recordings (and logs) to listen to.
    if (process.env.LOTSE_AUDIO_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  };

  try {
    // PulseAudio in the foreground (our child), no config files, a null sink as the only output.
    start('pulseaudio', [
      '-n',
      '--daemonize=no',
      '--exit-idle-time=-1',
      '--disallow-exit',
      '--use-pid-file=no',
      '--disable-shm',
      `--load=module-native-protocol-unix socket=${pulseSocket} auth-anonymous=1`,
      `--load=module-null-sink sink_name=${SINK} rate=44100`,
      '--log-target=stderr',
    ]);
    await waitFor(
      () => spawnSync('pactl', ['info'], { env: base }).status === 0,
      15_000,
      `PulseAudio (${logs.join('').slice(-400)})`,
    );

    // Xvfb picks a free display and writes its number to standard output.
    const xvfb = start('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp']);
    let display = '';
    xvfb.stdout?.on('data', (d) => {
      display ||= String(d).trim();
    });
    await waitFor(() => display !== '', 15_000, 'Xvfb');
    base.DISPLAY = `:${display}`;
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    dir,
    env: base,
    async record(name: string) {
      const path = join(dir, `${name}.wav`);
      const child = spawn(
        'parecord',
        [`--device=${SINK}.monitor`, '--file-format=wav', '--channels=1', '--rate=16000', '--latency-msec=50', path],
        { env: base, stdio: 'ignore' },
      );
      children.push(child);
      // Recording has begun once the file has its header.
      await waitFor(() => existsSync(path), 10_000, 'parecord');
      await new Promise((r) => setTimeout(r, 300));
      return {
        path,
        async stop() {
          await end(child, 'SIGINT');
          return path;
        },
      };
    },
    stop,
  };
}

/** Ends the speech-dispatcher Chromium started in `runtime` (it ends its voice modules). */
function stopSpeechDispatcher(runtime: string): void {
  const pidDir = join(runtime, 'speech-dispatcher', 'pid');
  if (!existsSync(pidDir)) return;
  for (const file of readdirSync(pidDir)) {
    const pid = Number(readFileSync(join(pidDir, file), 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 1) continue;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // gone already
    }
  }
}

/** Reads a small file, for error messages. */
export function tail(path: string, chars = 600): string {
  try {
    return readFileSync(path, 'utf8').slice(-chars);
  } catch {
    return '';
  }
}
