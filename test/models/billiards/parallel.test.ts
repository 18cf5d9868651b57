import { pinnedBallsEnsemble } from '../../../src/models/billiards/ensemble';
import { planPinnedBallsEnsemble } from '../../../src/models/billiards/ensemblePlan';
import { whiteNoiseDiagnostics } from '../../../src/models/billiards/whiteNoise';
import { pinnedBallsEnsembleInWorkers, whiteNoiseDiagnosticsInWorkers } from '../../../src/node/billiards';

const options = { n: 50, runs: 45, seed: 99, times: [1e-3, 4e-3], rawTimes: [1e-3], orientation: 'reversed' as const, blockSize: 6 };

describe('worker-thread runner (tsx/cjs preload)', () => {
  test('ensemble and white-noise results are bit-identical to the single-thread run', async () => {
    const serial = pinnedBallsEnsemble(options);
    const { plan, result } = await pinnedBallsEnsembleInWorkers(options, { workers: 2 });
    expect(result.status).toBe('success');
    expect(result.runs).toBe(45);
    for (let j = 0; j < serial.times.length; j++) {
      expect(Array.from(result.mean[j])).toEqual(Array.from(serial.mean[j]));
      expect(Array.from(result.sigma[j])).toEqual(Array.from(serial.sigma[j]));
    }
    expect(Array.from(result.raw[0].values)).toEqual(Array.from(serial.raw[0].values));

    const wnSerial = whiteNoiseDiagnostics(planPinnedBallsEnsemble(options), serial, { time: 4e-3 });
    const wnParallel = await whiteNoiseDiagnosticsInWorkers(plan, result, { time: 4e-3 }, { workers: 2 });
    expect(wnParallel.pooled).toEqual(wnSerial.pooled);
    expect(wnParallel.core).toEqual(wnSerial.core);
    expect(Array.from(wnParallel.histogram.density)).toEqual(Array.from(wnSerial.histogram.density));
    expect(Array.from(wnParallel.lags.mean)).toEqual(Array.from(wnSerial.lags.mean));
    expect(Array.from(wnParallel.lags.run)).toEqual(Array.from(wnSerial.lags.run));
    expect(Array.from(wnParallel.pair.left)).toEqual(Array.from(wnSerial.pair.left));
    expect(wnParallel.pair.correlation).toBe(wnSerial.pair.correlation);
  });
});
