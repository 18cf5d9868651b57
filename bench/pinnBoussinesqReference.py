"""Convert the trained Boussinesq networks of the reference code of thesis Appendix B.4
(RoyWangyx/High-precision-PINNs-unbounded-domains-, files model_*_weights{9999,40000}final.pth and
l{9999,40000}final.pth) into the parameter vector theta of singularis' BoussinesqLoss: the six
networks in the order Omega1 (multiplies z1*z2, even in z1; stored as `pinn_y1y2`), Omega2
(multiplies z1^2, odd; `pinn_y1y1`), U1, U2, Phi, Psi, each layer W (out x in, row-major) then b,
and lambda last. Reads PyTorch's zip format with the standard library and numpy (no torch needed).

    python3 bench/pinnBoussinesqReference.py <clone of the reference repository> <tag 40000|9999> out.json
    npx tsx bench/pinnBoussinesqReference.bench.ts out.json
"""
import collections, json, pickle, sys, zipfile
import numpy as np


class _Storage:
    def __init__(self, key, dtype):
        self.key, self.dtype = key, dtype


def load_pth(path):
    z = zipfile.ZipFile(path)
    root = z.namelist()[0].split('/')[0]
    dtypes = {'DoubleStorage': np.float64, 'FloatStorage': np.float32, 'LongStorage': np.int64}

    def rebuild(storage, offset, size, stride, *args):
        data = np.frombuffer(z.read(f'{root}/data/{storage.key}'), dtype=storage.dtype)
        if len(size) == 0:
            return data[offset]
        return np.lib.stride_tricks.as_strided(data[offset:], shape=size, strides=[s * data.itemsize for s in stride]).copy()

    class Unpickler(pickle.Unpickler):
        def find_class(self, mod, name):
            if name == '_rebuild_tensor_v2':
                return rebuild
            if name == '_rebuild_parameter':
                return lambda t, requires_grad, hooks: t
            if name == 'OrderedDict':
                return collections.OrderedDict
            if name.endswith('Storage'):
                return name
            return super().find_class(mod, name)

        def persistent_load(self, pid):
            _, typ, key, _location, _n = pid
            return _Storage(key, dtypes.get(typ, np.float64))

    return Unpickler(z.open(f'{root}/data.pkl')).load()


def flat(state, prefix=''):
    out = []
    for i in range(1, 8):
        out.extend(np.asarray(state[f'{prefix}FC_dict.layer {i}.weight'], dtype=np.float64).ravel().tolist())
        out.extend(np.asarray(state[f'{prefix}FC_dict.layer {i}.bias'], dtype=np.float64).ravel().tolist())
    return out


if __name__ == '__main__':
    repo, tag, out = sys.argv[1], sys.argv[2], sys.argv[3]
    w = load_pth(f'{repo}/model_w_weights{tag}final.pth')
    theta = flat(w, 'pinn_y1y2.') + flat(w, 'pinn_y1y1.')
    for name in ['u1', 'u2', 'phi', 'psi']:
        theta += flat(load_pth(f'{repo}/model_{name}_weights{tag}final.pth'))
    lam = float(np.asarray(load_pth(f'{repo}/l{tag}final.pth')).ravel()[0])
    theta.append(lam)
    json.dump({'source': f'reference code of thesis B.4, *{tag}final.pth', 'hidden': [30] * 6, 'lambda': lam, 'theta': theta}, open(out, 'w'))
    print(f'{len(theta)} parameters (with lambda = {lam!r}) written to {out}')
