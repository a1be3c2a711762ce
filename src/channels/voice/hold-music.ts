/**
 * The built-in hold music: a quiet, slow arpeggio as a 16-bit mono WAV at 8 kHz (telephone quality),
 * made once in memory so the server ships no audio file. Any provider that plays WAV can loop it.
 */
const SAMPLE_RATE = 8000;
const NOTE_SECONDS = 0.5;
// C major, F major, G major, C major: one arpeggio of four notes each.
const NOTES_HZ = [261.63, 329.63, 392.0, 523.25, 349.23, 440.0, 523.25, 698.46, 392.0, 493.88, 587.33, 783.99, 261.63, 329.63, 392.0, 523.25];

let cached: Buffer | undefined;

export function holdMusicWav(): Buffer {
  if (cached) return cached;
  const perNote = Math.round(SAMPLE_RATE * NOTE_SECONDS);
  const samples = perNote * NOTES_HZ.length;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  NOTES_HZ.forEach((hz, n) => {
    for (let i = 0; i < perNote; i++) {
      const t = i / SAMPLE_RATE;
      // A soft bell: quick attack, exponential decay, a little of the octave above.
      const envelope = Math.min(1, t / 0.02) * Math.exp(-3 * t);
      const value = envelope * (0.8 * Math.sin(2 * Math.PI * hz * t) + 0.2 * Math.sin(4 * Math.PI * hz * t));
      wav.writeInt16LE(Math.round(value * 0.25 * 32767), 44 + (n * perNote + i) * 2);
    }
  });
  cached = wav;
  return wav;
}
