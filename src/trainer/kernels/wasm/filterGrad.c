// The filter gradient of a 2-D convolution (NHWC x and dy, dW as [kh][kw][ci][co]), run inside
// tfjs-backend-wasm's own linear memory (this module imports it), so there is no transpose, no
// copy and no per-call weight packing:
//   dW[kh,kw,ci,co] = sum over b,oh,ow of x[b, oh*sh+kh-pt, ow*sw+kw-pl, ci] * dy[b,oh,ow,co]
// For each tap this is a GEMM whose operands are already laid out right: one side is read as
// 4-lane vectors along its channels (co when Co % 4 == 0, else ci when Ci % 4 == 0), the other is
// broadcast one channel at a time. Accumulators stay in registers over a chunk of output rows that
// fits in cache. No libc, no stack use, no static data (it must never write outside the tensors).
#include <wasm_simd128.h>

#define TILE(CB, VB)                                                                            \
  static void tile_##CB##_##VB(const float *x, const float *dy, float *dw, int modeA, int r0,   \
                               int r1, int Ho, int H, int W, int Ci, int Wo, int Co, int ihOff, \
                               int sh, int iw0, int owa, int n, int sw, int s0, int v0,        \
                               int jstride, int vstride) {                                     \
    v128_t acc[CB][VB];                                                                         \
    for (int j = 0; j < CB; j++)                                                                \
      for (int v = 0; v < VB; v++) acc[j][v] = wasm_f32x4_splat(0.f);                           \
    const int xstep = sw * Ci;                                                                  \
    const int astep = modeA ? Co : xstep, bstep = modeA ? xstep : Co;                           \
    for (int r = r0; r < r1; r++) {                                                             \
      const int b = r / Ho, oh = r - b * Ho;                                                    \
      const int ih = oh * sh + ihOff;                                                           \
      if (ih < 0 || ih >= H) continue;                                                          \
      const float *xp = x + ((b * H + ih) * W + iw0) * Ci;                                      \
      const float *dp = dy + (r * Wo + owa) * Co;                                               \
      const float *ap = (modeA ? dp : xp) + v0;                                                 \
      const float *bp = (modeA ? xp : dp) + s0;                                                 \
      for (int i = 0; i < n; i++, ap += astep, bp += bstep) {                                   \
        v128_t av[VB];                                                                          \
        for (int v = 0; v < VB; v++) av[v] = wasm_v128_load(ap + 4 * v);                        \
        for (int j = 0; j < CB; j++) {                                                          \
          const v128_t s = wasm_v128_load32_splat(bp + j);                                      \
          for (int v = 0; v < VB; v++)                                                          \
            acc[j][v] = wasm_f32x4_add(acc[j][v], wasm_f32x4_mul(s, av[v]));                     \
        }                                                                                       \
      }                                                                                         \
    }                                                                                           \
    for (int j = 0; j < CB; j++)                                                                \
      for (int v = 0; v < VB; v++) {                                                            \
        float *o = dw + (s0 + j) * jstride + (v0 + 4 * v) * vstride;                            \
        o[0] += wasm_f32x4_extract_lane(acc[j][v], 0);                                          \
        o[vstride] += wasm_f32x4_extract_lane(acc[j][v], 1);                                    \
        o[2 * vstride] += wasm_f32x4_extract_lane(acc[j][v], 2);                                \
        o[3 * vstride] += wasm_f32x4_extract_lane(acc[j][v], 3);                                \
      }                                                                                         \
  }

TILE(1, 1) TILE(2, 1) TILE(3, 1) TILE(4, 1)
TILE(1, 2) TILE(2, 2) TILE(3, 2) TILE(4, 2)
TILE(1, 3) TILE(2, 3) TILE(3, 3)

typedef void (*tile_fn)(const float *, const float *, float *, int, int, int, int, int, int, int,
                        int, int, int, int, int, int, int, int, int, int, int, int);

static tile_fn pick(int cb, int vb) {
  if (vb == 3) return cb == 1 ? tile_1_3 : cb == 2 ? tile_2_3 : tile_3_3;
  if (vb == 2) return cb == 1 ? tile_1_2 : cb == 2 ? tile_2_2 : cb == 3 ? tile_3_2 : tile_4_2;
  return cb == 1 ? tile_1_1 : cb == 2 ? tile_2_1 : cb == 3 ? tile_3_1 : tile_4_1;
}

// Output rows (b, oh) per chunk: about 1024 positions, so a chunk of x and dy stays in L2.
static int chunk_rows(int Wo) { return Wo >= 1024 ? 1 : 1024 / Wo; }

/** dw (KH*KW*Ci*Co floats) must be zero on entry. Returns 0, or 1 when neither Co nor Ci is a
 *  multiple of 4 (the caller then uses another formulation). */
__attribute__((export_name("filter_grad"))) int filter_grad(
    const float *x, const float *dy, float *dw, int B, int H, int W, int Ci, int Ho, int Wo, int Co,
    int KH, int KW, int sh, int sw, int pt, int pl) {
  const int modeA = Co % 4 == 0;
  if (!modeA && Ci % 4 != 0) return 1;
  const int nvec = (modeA ? Co : Ci) / 4, nsplat = modeA ? Ci : Co;
  const int jstride = modeA ? Co : 1, vstride = modeA ? 1 : Co;
  const int rows = B * Ho, chunk = chunk_rows(Wo);
  // 3 vectors a tile when the vector side is exactly 12 lanes (with 3 broadcasts: 9 accumulators).
  const int vbMax = nvec == 3 ? 3 : 2, cbMax = vbMax == 3 ? 3 : 4;
  for (int r0 = 0; r0 < rows; r0 += chunk) {
    const int r1 = r0 + chunk < rows ? r0 + chunk : rows;
    for (int kh = 0; kh < KH; kh++)
      for (int kw = 0; kw < KW; kw++) {
        const int first = pl - kw <= 0 ? 0 : (pl - kw + sw - 1) / sw;
        const int last = W - 1 + pl - kw;  // largest ow*sw that still reads inside the row
        if (last < 0) continue;
        const int owb = last / sw + 1 < Wo ? last / sw + 1 : Wo;
        const int n = owb - first;
        if (n <= 0) continue;
        float *tap = dw + (kh * KW + kw) * Ci * Co;
        for (int s0 = 0; s0 < nsplat; s0 += cbMax) {
          const int cb = nsplat - s0 < cbMax ? nsplat - s0 : cbMax;
          for (int v = 0; v < nvec; v += vbMax) {
            const int vb = nvec - v < vbMax ? nvec - v : vbMax;
            pick(cb, vb)(x, dy, tap, modeA, r0, r1, Ho, H, W, Ci, Wo, Co, kh - pt, sh,
                         first * sw + kw - pl, first, n, sw, s0, 4 * v, jstride, vstride);
          }
        }
      }
  }
  return 0;
}
