/**
 * pykan's "hello, KAN!" tutorial, line by line, with singularis/kan (see docs/kan-from-pykan.md).
 * Run: npx tsx examples/kan-hellokan.ts
 */
import { createKan, extendGrid, fit, kanDiagramSpec, attributionScores, kanToJSON, pruneKan, autoSymbolic, symbolicFormula } from '../src/models/kan/index';
import { sampleDataset } from '../src/models/kan/experiments/pipeline';

const started = performance.now();
// f = lambda x: torch.exp(torch.sin(torch.pi*x[:,[0]]) + x[:,[1]]**2)
// dataset = create_dataset(f, n_var=2)
const data = sampleDataset((x) => Math.exp(Math.sin(Math.PI * x[0]) + x[1] * x[1]), 2, { train: 1000, test: 1000, seed: 0 });
const dataset = { train_input: data.trainInput, train_label: data.trainLabel, test_input: data.testInput, test_label: data.testLabel };

// model = KAN(width=[2,5,1], grid=5, k=3, seed=0)
let model = createKan({ shape: [2, 5, 1], intervals: 5, degree: 3, seed: 0 });
// model.fit(dataset, opt="LBFGS", steps=20, lamb=0.1, lamb_entropy=10)   (pykan's tutorial: lamb=0.01; see the guide)
fit(model, dataset, { opt: 'LBFGS', steps: 20, lamb: 0.1, lamb_entropy: 10 });
// model = model.prune()
model = pruneKan(model, data.trainInput, { nodeThreshold: 1e-2 }).network;
// model.fit(dataset, opt="LBFGS", steps=50)
fit(model, dataset, { opt: 'LBFGS', steps: 50 });
// model = model.refine(10)
model = extendGrid(model, 10, data.trainInput).network;
// model.fit(dataset, opt="LBFGS", steps=50)
fit(model, dataset, { opt: 'LBFGS', steps: 50 });
// model.auto_symbolic(lib=['x','x^2','x^3','x^4','exp','log','sqrt','tanh','sin','abs'])
model = autoSymbolic(model, data.trainInput, { library: ['x', 'x^2', 'x^3', 'x^4', 'exp', 'log', 'sqrt', 'tanh', 'sin', 'abs'] }).network;
// model.fit(dataset, opt="LBFGS", steps=50, update_grid=False)
const last = fit(model, dataset, { opt: 'LBFGS', steps: 50, update_grid: false });
// model.symbolic_formula()[0][0]
const formula = symbolicFormula(model).text[0];
// model.plot()  → a Vega-Lite object for notebooks; model.saveckpt() → plain JSON
const diagram = kanDiagramSpec(model, { scores: attributionScores(model, data.trainInput) });
const saved = JSON.stringify(kanToJSON(model));

console.log(formula);
console.log(`test RMSE ${last.test_loss.at(-1)?.toExponential(2)}, diagram with ${(diagram.datasets as { edges: unknown[] }).edges.length} edges, saved model ${saved.length} bytes`);
console.log(`wall time ${((performance.now() - started) / 1000).toFixed(2)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
