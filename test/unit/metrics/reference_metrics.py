"""Reference MSE/PSNR/SSIM for test/unit/metrics (run once; the numbers are hard-coded in the test).

SSIM mirrors skimage.metrics.structural_similarity(im1, im2, gaussian_weights=True, sigma=1.5,
use_sample_covariance=False, data_range=1, channel_axis=-1): scipy's gaussian_filter (truncate 3.5,
mode reflect), crop (win_size - 1) // 2 = 5 px each side, mean per channel, then mean of channels.
Images are the ones fixtures.ts generates, cast to float32 like the tensors, evaluated in float64.
Where scikit-image is installed, its own structural_similarity is printed alongside (0.26.0 agreed
to every printed digit, 2026-12-04).
"""
import numpy as np
from scipy.ndimage import gaussian_filter


def noise(i):
    return ((i * 1103515245 + 12345) % 2147483648) / 2147483648


def fixture(batch, height, width, variant):
    out = np.zeros((batch, height, width, 3))
    i = 0
    for b in range(batch):
        for y in range(height):
            for x in range(width):
                for c in range(3):
                    base = min(1, max(0, 0.5 + 0.35 * np.cos(0.3 * x + 0.2 * y + 1.3 * c + 0.7 * b) + 0.15 * (noise(i) - 0.5)))
                    out[b, y, x, c] = {
                        'base': base,
                        'noisy': min(1, max(0, base + 0.2 * (noise(i + 100003) - 0.5))),
                        'contrast': base * 0.6 + 0.3,
                        'shifted': min(1, max(0, base + 0.1)),
                    }[variant]
                    i += 1
    return out.astype(np.float32).astype(np.float64)


def ssim_channel(x, y):
    f = lambda im: gaussian_filter(im, sigma=1.5, truncate=3.5, mode='reflect')
    ux, uy = f(x), f(y)
    vx, vy, vxy = f(x * x) - ux * ux, f(y * y) - uy * uy, f(x * y) - ux * uy
    c1, c2 = 0.01 ** 2, 0.03 ** 2
    s = ((2 * ux * uy + c1) * (2 * vxy + c2)) / ((ux ** 2 + uy ** 2 + c1) * (vx + vy + c2))
    return s[5:-5, 5:-5].mean()


for shape in [(2, 32, 32), (1, 37, 53)]:
    truth = fixture(*shape, 'base')
    for variant in ['noisy', 'contrast', 'shifted']:
        pred = fixture(*shape, variant)
        mse = ((pred - truth) ** 2).mean(axis=(1, 2, 3))
        psnr = 10 * np.log10(1 / mse)
        ssim = [np.mean([ssim_channel(pred[b, :, :, c], truth[b, :, :, c]) for c in range(3)]) for b in range(shape[0])]
        try:
            from skimage.metrics import structural_similarity
            print('skimage:', [structural_similarity(pred[b], truth[b], gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
                                                     data_range=1, channel_axis=-1) for b in range(shape[0])])
        except ImportError:
            pass
        print(f"{{ shape: {list(shape)}, variant: '{variant}', mse: {[float(f'{v:.10g}') for v in mse]}, "
              f"psnr: {[float(f'{v:.10g}') for v in psnr]}, ssim: {[float(f'{v:.10g}') for v in ssim]} }},")
