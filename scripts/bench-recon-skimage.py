#!/usr/bin/python3
"""scikit-image side of scripts/bench-recon.sh: iradon_sart and iradon (FBP) on the sinograms the
Java benchmark wrote (float32, angles x detector, detector centre W/2), RMSE and SSIM against the
ground truth rendered in scikit-image's own frame, time per iteration (one thread)."""
import sys, time
import numpy as np
from skimage.transform import iradon, iradon_sart
from skimage.metrics import structural_similarity

d = sys.argv[1]


def ssim(x, t):
    # the same measure as the Java side: 7x7 uniform window, data range 1, K1 0.01, K2 0.03
    return structural_similarity(x, t, win_size=7, data_range=1.0)


def case(n, na, sart_runs):
    theta = np.arange(na, dtype=float)
    sino = np.fromfile(f"{d}/sino{n}.f32", dtype="<f4").reshape(na, n).T.astype(float)
    truth = np.fromfile(f"{d}/truth{n}_skimage.f32", dtype="<f4").reshape(n, n).astype(float)
    print(f"\n== scikit-image {__import__('skimage').__version__}, {n}x{n}, {na} angles, same sinogram ==")
    print("algorithm              iters  RMSE    SSIM    ms/iter(wall)")
    t0 = time.perf_counter()
    fbp = iradon(sino, theta=theta, filter_name="ramp", circle=True)
    ms = (time.perf_counter() - t0) * 1e3
    print(f"{'iradon ramp':22s} {'-':>5s}  {np.sqrt(np.mean((fbp - truth) ** 2)):.4f}  {ssim(fbp, truth):.4f}  {ms:9.1f}")
    for label, clip in sart_runs:
        img = None
        t0 = time.perf_counter()
        for _ in range(5):
            img = iradon_sart(sino, theta=theta, image=img, clip=clip)
        ms = (time.perf_counter() - t0) * 1e3 / 5
        print(f"{label:22s} {5:5d}  {np.sqrt(np.mean((img - truth) ** 2)):.4f}  {ssim(img, truth):.4f}  {ms:9.1f}")


case(256, 135, [("iradon_sart", None), ("iradon_sart clip>=0", (0, None))])
case(512, 180, [("iradon_sart clip>=0", (0, None))])
