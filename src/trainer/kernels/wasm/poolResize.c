// The models' 2×2 layers, memory-bound, on tfjs-backend-wasm's heap (NHWC; H and W of the pooled or
// upsampled side; 4 channels a vector and a scalar tail for the rest): the MaxPool 2×2/stride-2
// gradient (dy goes to the window's first maximum in row-major order, as in TensorFlow; every dx
// element written once), and UpSampling2D ×2 forward and gradient (dx sums dy's 2×2 block).
#include <wasm_simd128.h>

__attribute__((export_name("max_pool_2x2_grad"))) void max_pool_2x2_grad(
    const float *x, const float *dy, float *dx, int B, int H, int W, int C) {
  const int row = W * C;  // one input row
  const int cv = C & ~3;
  for (int b = 0; b < B; b++)
    for (int r = 0; r < H; r += 2)
      for (int c = 0; c < W; c += 2) {
        const int p = ((b * H + r) * W + c) * C;
        const float *g = dy + ((b * (H / 2) + r / 2) * (W / 2) + c / 2) * C;
        int k = 0;
        for (; k < cv; k += 4) {
          const v128_t v00 = wasm_v128_load(x + p + k), v01 = wasm_v128_load(x + p + C + k);
          const v128_t v10 = wasm_v128_load(x + p + row + k), v11 = wasm_v128_load(x + p + row + C + k);
          // A later position wins only when strictly greater than the best so far (NaN never wins).
          const v128_t c1 = wasm_f32x4_gt(v01, v00);
          v128_t best = wasm_v128_bitselect(v01, v00, c1);
          const v128_t c2 = wasm_f32x4_gt(v10, best);
          best = wasm_v128_bitselect(v10, best, c2);
          const v128_t c3 = wasm_f32x4_gt(v11, best);
          const v128_t d = wasm_v128_load(g + k);
          const v128_t later2 = wasm_v128_or(c2, c3);
          wasm_v128_store(dx + p + row + C + k, wasm_v128_and(d, c3));
          wasm_v128_store(dx + p + row + k, wasm_v128_andnot(wasm_v128_and(d, c2), c3));
          wasm_v128_store(dx + p + C + k, wasm_v128_andnot(wasm_v128_and(d, c1), later2));
          wasm_v128_store(dx + p + k, wasm_v128_andnot(d, wasm_v128_or(c1, later2)));
        }
        for (; k < C; k++) {
          const int a = p + k;
          int at = 0;
          float best = x[a];
          if (x[a + C] > best) { best = x[a + C]; at = 1; }
          if (x[a + row] > best) { best = x[a + row]; at = 2; }
          if (x[a + row + C] > best) at = 3;
          dx[a] = at == 0 ? g[k] : 0.f;
          dx[a + C] = at == 1 ? g[k] : 0.f;
          dx[a + row] = at == 2 ? g[k] : 0.f;
          dx[a + row + C] = at == 3 ? g[k] : 0.f;
        }
      }
}

/** dx[b,r,c,k] = sum of dy[b, 2r..2r+1, 2c..2c+1, k]; dx is B×H×W×C (dy twice as high and wide). */
__attribute__((export_name("resize_2x_grad"))) void resize_2x_grad(
    const float *dy, float *dx, int B, int H, int W, int C) {
  const int dyRow = 2 * W * C;
  const int cv = C & ~3;
  float *o = dx;
  for (int b = 0; b < B; b++)
    for (int r = 0; r < H; r++)
      for (int c = 0; c < W; c++, o += C) {
        const float *p = dy + (b * 2 * H + 2 * r) * dyRow + 2 * c * C;
        int k = 0;
        for (; k < cv; k += 4) {
          const v128_t top = wasm_f32x4_add(wasm_v128_load(p + k), wasm_v128_load(p + C + k));
          const v128_t bottom = wasm_f32x4_add(wasm_v128_load(p + dyRow + k), wasm_v128_load(p + dyRow + C + k));
          wasm_v128_store(o + k, wasm_f32x4_add(top, bottom));
        }
        for (; k < C; k++) o[k] = p[k] + p[C + k] + p[dyRow + k] + p[dyRow + C + k];
      }
}

/** UpSampling ×2 forward: y (B×2H×2W×C) repeats each x pixel over a 2×2 block. */
__attribute__((export_name("resize_2x"))) void resize_2x(const float *x, float *y, int B, int H, int W, int C) {
  const int yRow = 2 * W * C;
  const int cv = C & ~3;
  const float *p = x;
  for (int b = 0; b < B; b++)
    for (int r = 0; r < H; r++)
      for (int c = 0; c < W; c++, p += C) {
        float *o = y + (b * 2 * H + 2 * r) * yRow + 2 * c * C;
        int k = 0;
        for (; k < cv; k += 4) {
          const v128_t v = wasm_v128_load(p + k);
          wasm_v128_store(o + k, v);
          wasm_v128_store(o + C + k, v);
          wasm_v128_store(o + yRow + k, v);
          wasm_v128_store(o + yRow + C + k, v);
        }
        for (; k < C; k++) o[k] = o[C + k] = o[yRow + k] = o[yRow + C + k] = p[k];
      }
}
