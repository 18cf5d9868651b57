"""What the reference code of thesis Appendix B.4 (RoyWangyx/High-precision-PINNs-unbounded-domains-)
publishes about its weak-asymptotics Burgers runs (weak_asymp_bur.ipynb, lambda = 1/2, and
weak_asymp_bur04.ipynb, lambda = 0.4), and whether that is enough to tell which member C of
y + U + C*U^(1+1/lambda) = 0 the trained network follows.

    python3 bench/pinnBurgersWeakReference.py <git dir or clone of the reference repository> [out dir]

1. Every commit's file list (git ls-tree): is a trained Burgers network stored anywhere?
2. The notebooks: the file name the trained network is saved to, the printed lambda, the losses at
   the published checkpoints, and the two figures (residual over y in [0, 2e12], loss curve), decoded
   to PNG files in the out dir.
3. Why the residual figure cannot decide the member: for y > 0 write s = -U and
   C(y) = (y - s)/s^p, p = 1 + 1/lambda (the member through the point (y, U)). Differentiating
   y = s + C s^p gives R = -lambda*U + ((1+lambda)y + U)U_y = lambda * C'(y) * s^(p+1): the residual
   measures only the drift of C, so any member with constant C (7/6, or 1e9 close to the trivial
   solution) has R = 0. Checked here by central differences on a profile whose C drifts.
4. Why a small loss does not show that a weak run kept its member either (lambda = 1/2): the loss
   0.1*(mean R^2 + mean R_z^2) over z uniform on [0, 30] (here by quadrature on a fine grid) of profiles
   that follow C = 7/6 up to y ~ eps and then leave it for C = 7/6 + 1e9 (U ~ 0) falls as the layer
   moves toward the origin; a layer below the smallest sampled z (about 30/batch) is not seen at all.
"""
import base64, json, os, subprocess, sys
import numpy as np


def git(repo, *args):
    return subprocess.run(['git', '-C', repo, *args], check=True, capture_output=True, text=True).stdout


def notebook(repo, name):
    return json.loads(git(repo, 'show', f'HEAD:{name}'))


def outputs_text(cell):
    return ''.join(''.join(o.get('text', '')) for o in cell.get('outputs', []))


def main():
    repo = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else '.'
    os.makedirs(out, exist_ok=True)
    commits = git(repo, 'rev-list', '--all').split()
    files = set()
    for c in commits:
        files.update(git(repo, 'ls-tree', '-r', '--name-only', c).split('\n'))
    files.discard('')
    pth = sorted(f for f in files if f.endswith('.pth'))
    print(f'{len(commits)} commits; .pth files in any commit: {pth}')
    print('Burgers .pth (names with U, bur or weak):', [f for f in pth if any(k in f for k in ('model_U', 'bur', 'weak'))] or 'none')
    for name, lam, p in (('weak_asymp_bur.ipynb', 0.5, 3), ('weak_asymp_bur04.ipynb', 0.4, 3.5)):
        nb = notebook(repo, name)
        src = [''.join(c['source']) for c in nb['cells']]
        ansatz = [line.strip() for s in src for line in s.splitlines() if 'x1**4' in line]
        saves = [line.strip() for s in src for line in s.splitlines() if 'torch.save' in line]
        print(f'\n{name}: ansatz {ansatz}; saved with {saves}; saved file in the repository: '
              f'{any(s.split(chr(34))[1] in files for s in saves if chr(34) in s)}')
        losses = {}
        for c in nb['cells']:
            for line in outputs_text(c).splitlines():
                parts = line.split()
                if len(parts) == 2 and parts[1].isdigit():
                    losses[int(parts[1])] = float(parts[0])
        print('  printed losses:', {k: f'{losses[k]:.2e}' for k in (1, 100, 1000, 2000, 5000, 10000, 20000) if k in losses},
              f'last {max(losses)}: {losses[max(losses)]:.2e}')
        print('  other printed output:', [outputs_text(c).strip() for c in nb['cells'][3:4]])
        for i, c in enumerate(nb['cells']):
            for j, o in enumerate(c.get('outputs', [])):
                if 'image/png' in o.get('data', {}):
                    path = os.path.join(out, f'{name[:-6]}_cell{i}.png')
                    with open(path, 'wb') as f:
                        f.write(base64.b64decode(o['data']['image/png']))
                    print(f'  figure of cell {i} ({src[i].splitlines()[0][:60]} ...) -> {path}')

    print('\nResidual identity R = lambda*C\'(y)*s^(p+1) on a profile whose member drifts,')
    print('C(y) = 7/6 + 1e9*y^4/(1 + y^4) (from 7/6 at the origin toward the trivial solution):')
    for lam in (0.5, 0.4):
        p = 1 + 1 / lam
        C = lambda y: 7 / 6 + 1e9 * y**4 / (1 + y**4)
        dC = lambda y: 1e9 * 4 * y**3 / (1 + y**4) ** 2

        def s_of(y):  # the root of s + C(y) s^p = y (monotone in s), by bisection then Newton
            lo, hi = 0.0, y
            for _ in range(200):
                mid = 0.5 * (lo + hi)
                lo, hi = (mid, hi) if mid + C(y) * mid**p < y else (lo, mid)
            return 0.5 * (lo + hi)

        worst = 0.0
        for y in (0.05, 0.3, 1.0, 3.0):
            h = 1e-6 * y
            s = s_of(y)
            sy = (s_of(y + h) - s_of(y - h)) / (2 * h)
            R = lam * s - ((1 + lam) * y - s) * sy  # U = -s, U_y = -s_y
            pred = lam * dC(y) * s ** (p + 1)
            worst = max(worst, abs(R - pred) / max(abs(pred), 1e-300))
            print(f'  lambda {lam}, y {y}: C {C(y):.4g}, U {-s:.6g}, R (differences) {R:.6e}, lambda*C\'*s^(p+1) {pred:.6e}')
        print(f'  lambda {lam}: worst relative difference {worst:.1e}')

    print('\nLoss of profiles that leave C = 7/6 for C = 7/6 + 1e9 in a layer at y ~ eps (lambda 1/2, quadrature over z in [0, 30]):')
    z = np.linspace(0, 30, 2_000_001)
    y = np.sinh(z)
    for eps in (1e-1, 1e-2, 1e-3, 1e-4):
        t = (y / eps) ** 4
        C = 7 / 6 + 1e9 * t / (1 + t)
        dC = 1e9 * 4 * (y / eps) ** 3 / eps / (1 + t) ** 2
        s = y.copy()
        for _ in range(200):  # Newton on s + C s^3 = y from s = y (monotone, convex)
            s = s - (s + C * s**3 - y) / (1 + 3 * C * s**2)
        R = 0.5 * dC * s**4
        Rz = np.gradient(R, z)
        i = np.searchsorted(y, [0.2, 1, 100])
        print(f'  eps {eps:g}: 0.1*mean R^2 {0.1 * np.mean(R**2):.2e}, 0.1*mean R_z^2 {0.1 * np.mean(Rz**2):.2e}; '
              f'U(0.2), U(1), U(100) = {-s[i[0]]:.3g}, {-s[i[1]]:.3g}, {-s[i[2]]:.3g}')


if __name__ == '__main__':
    main()
