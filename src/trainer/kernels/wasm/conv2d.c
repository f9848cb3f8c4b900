// A forward 2-D convolution (NHWC x, w as [kh][kw][ci][co], dilation 1) on tfjs-backend-wasm's heap,
// for Co a multiple of 4: a tile of P output pixels of one row × VB vectors of 4 output channels
// stays in registers over every tap and input channel (weights loaded once per tile, inputs
// broadcast). Pixels whose window lies inside the image take the unchecked tiles; the border
// pixels take a one-pixel tile that skips the taps falling in the padding. A bias and a ReLU
// (FusedConv2D) are applied to the finished sums as they are stored: the bias after the sum, as a
// separate Add would, so a fused layer gives the same bits as Conv2D, Add and Relu one after another.
#include <wasm_simd128.h>

// FusedConv2D's flags argument: which of the bias and the ReLU apply.
enum { HAS_BIAS = 1, RELU = 2 };

/** A finished vector of 4 sums for channels c..c+3: + bias, then max(·, 0) (tfjs's Relu: x < 0 ? 0 : x). */
static inline v128_t finish(v128_t sum, const float *bias, int c, int relu) {
  if (bias) sum = wasm_f32x4_add(sum, wasm_v128_load(bias + c));
  return relu ? wasm_v128_bitselect(wasm_f32x4_splat(0.f), sum, wasm_f32x4_lt(sum, wasm_f32x4_splat(0.f))) : sum;
}

static inline float finish1(float sum, const float *bias, int c, int relu) {
  if (bias) sum += bias[c];
  return relu && sum < 0.f ? 0.f : sum;
}

#define TILE(P, VB, CHECKED)                                                                    \
  static void tile_##P##_##VB##_##CHECKED(const float *x, const float *w, float *y, int b,      \
      int oh, int ow, int H, int W, int Ci, int Wo, int Co, int KH, int KW, int sh, int sw,      \
      int pt, int pl, int v0, int Ho, const float *bias, int relu) {                             \
    v128_t acc[P][VB];                                                                          \
    for (int j = 0; j < P; j++)                                                                 \
      for (int v = 0; v < VB; v++) acc[j][v] = wasm_f32x4_splat(0.f);                           \
    for (int kh = 0; kh < KH; kh++) {                                                           \
      const int ih = oh * sh + kh - pt;                                                         \
      if (ih < 0 || ih >= H) continue;                                                          \
      const float *xr = x + (b * H + ih) * W * Ci;                                              \
      for (int kw = 0; kw < KW; kw++) {                                                         \
        const int iw = ow * sw + kw - pl;                                                       \
        if (CHECKED && (iw < 0 || iw >= W)) continue;                                           \
        const float *xp = xr + iw * Ci;                                                         \
        const float *wp = w + (kh * KW + kw) * Ci * Co + v0;                                    \
        for (int ci = 0; ci < Ci; ci++, wp += Co) {                                             \
          v128_t wv[VB];                                                                        \
          for (int v = 0; v < VB; v++) wv[v] = wasm_v128_load(wp + 4 * v);                      \
          for (int j = 0; j < P; j++) {                                                         \
            const v128_t s = wasm_v128_load32_splat(xp + j * sw * Ci + ci);                     \
            for (int v = 0; v < VB; v++)                                                        \
              acc[j][v] = wasm_f32x4_add(acc[j][v], wasm_f32x4_mul(s, wv[v]));                   \
          }                                                                                     \
        }                                                                                       \
      }                                                                                         \
    }                                                                                           \
    float *yp = y + ((b * Ho + oh) * Wo + ow) * Co + v0;                                        \
    for (int j = 0; j < P; j++)                                                                 \
      for (int v = 0; v < VB; v++)                                                              \
        wasm_v128_store(yp + j * Co + 4 * v, finish(acc[j][v], bias, v0 + 4 * v, relu));          \
  }

TILE(4, 1, 0) TILE(4, 2, 0) TILE(3, 3, 0)
TILE(1, 1, 1) TILE(1, 2, 1) TILE(1, 3, 1)

/** y (B×Ho×Wo×Co) = conv2d(x, w) (+ bias[Co] when flags has HAS_BIAS, then ReLU when it has RELU).
 *  Returns 0, or 1 (nothing written) when Co is not a multiple of 4. */
__attribute__((export_name("conv2d"))) int conv2d(
    const float *x, const float *w, float *y, int B, int H, int W, int Ci, int Ho, int Wo, int Co,
    int KH, int KW, int sh, int sw, int pt, int pl, const float *biasIn, int flags) {
  if (Co % 4 != 0) return 1;
  const float *bias = flags & HAS_BIAS ? biasIn : 0;
  const int relu = flags & RELU;
  const int nvec = Co / 4;
  const int vbMax = nvec == 3 ? 3 : 2, P = vbMax == 3 ? 3 : 4;
  // Output columns whose whole window is inside the row: [lo, hi].
  const int lo = (pl + sw - 1) / sw;
  const int hi = W - KW + pl < 0 ? -1 : (W - KW + pl) / sw;
  for (int b = 0; b < B; b++)
    for (int oh = 0; oh < Ho; oh++)
      for (int v = 0; v < nvec; v += vbMax) {
        const int vb = nvec - v < vbMax ? nvec - v : vbMax;
        int ow = 0;
        while (ow < Wo) {
          const int fast = ow >= lo && ow + P - 1 <= hi && ow + P - 1 < Wo;
          if (fast && vb == 3) tile_3_3_0(x, w, y, b, oh, ow, H, W, Ci, Wo, Co, KH, KW, sh, sw, pt, pl, 4 * v, Ho, bias, relu);
          else if (fast && vb == 2) tile_4_2_0(x, w, y, b, oh, ow, H, W, Ci, Wo, Co, KH, KW, sh, sw, pt, pl, 4 * v, Ho, bias, relu);
          else if (fast) tile_4_1_0(x, w, y, b, oh, ow, H, W, Ci, Wo, Co, KH, KW, sh, sw, pt, pl, 4 * v, Ho, bias, relu);
          else if (vb == 3) tile_1_3_1(x, w, y, b, oh, ow, H, W, Ci, Wo, Co, KH, KW, sh, sw, pt, pl, 4 * v, Ho, bias, relu);
          else if (vb == 2) tile_1_2_1(x, w, y, b, oh, ow, H, W, Ci, Wo, Co, KH, KW, sh, sw, pt, pl, 4 * v, Ho, bias, relu);
          else tile_1_1_1(x, w, y, b, oh, ow, H, W, Ci, Wo, Co, KH, KW, sh, sw, pt, pl, 4 * v, Ho, bias, relu);
          ow += fast ? (vb == 3 ? 3 : 4) : 1;
        }
      }
  return 0;
}

// Fewer than 4 output channels (an RGB output layer), Ci a multiple of 4: vectors run along the
// input channels instead, against weights transposed to wT[kh][kw][co][ci]; each of the P pixels ×
// CO outputs keeps a vector of partial sums, added across its 4 lanes at the end.
#define NARROW(P, CO, CHECKED)                                                                  \
  static void narrow_##P##_##CO##_##CHECKED(const float *x, const float *wT, float *y, int b,   \
      int oh, int ow, int H, int W, int Ci, int Wo, int KH, int KW, int sh, int sw, int pt,      \
      int pl, int Ho, const float *bias, int relu) {                                             \
    v128_t acc[P][CO];                                                                          \
    for (int j = 0; j < P; j++)                                                                 \
      for (int o = 0; o < CO; o++) acc[j][o] = wasm_f32x4_splat(0.f);                           \
    for (int kh = 0; kh < KH; kh++) {                                                           \
      const int ih = oh * sh + kh - pt;                                                         \
      if (ih < 0 || ih >= H) continue;                                                          \
      const float *xr = x + (b * H + ih) * W * Ci;                                              \
      for (int kw = 0; kw < KW; kw++) {                                                         \
        const int iw = ow * sw + kw - pl;                                                       \
        if (CHECKED && (iw < 0 || iw >= W)) continue;                                           \
        const float *xp = xr + iw * Ci;                                                         \
        const float *wp = wT + (kh * KW + kw) * CO * Ci;                                        \
        for (int ci = 0; ci < Ci; ci += 4) {                                                    \
          v128_t wv[CO];                                                                        \
          for (int o = 0; o < CO; o++) wv[o] = wasm_v128_load(wp + o * Ci + ci);                \
          for (int j = 0; j < P; j++) {                                                         \
            const v128_t xv = wasm_v128_load(xp + j * sw * Ci + ci);                            \
            for (int o = 0; o < CO; o++)                                                        \
              acc[j][o] = wasm_f32x4_add(acc[j][o], wasm_f32x4_mul(xv, wv[o]));                  \
          }                                                                                     \
        }                                                                                       \
      }                                                                                         \
    }                                                                                           \
    float *yp = y + ((b * Ho + oh) * Wo + ow) * CO;                                             \
    for (int j = 0; j < P; j++)                                                                 \
      for (int o = 0; o < CO; o++) {                                                            \
        const v128_t a = acc[j][o];                                                             \
        const float sum = (wasm_f32x4_extract_lane(a, 0) + wasm_f32x4_extract_lane(a, 1)) +     \
                          (wasm_f32x4_extract_lane(a, 2) + wasm_f32x4_extract_lane(a, 3));      \
        yp[j * CO + o] = finish1(sum, bias, o, relu);                                           \
      }                                                                                         \
  }

NARROW(4, 1, 0) NARROW(4, 2, 0) NARROW(4, 3, 0)
NARROW(1, 1, 1) NARROW(1, 2, 1) NARROW(1, 3, 1)

/** y (B×Ho×Wo×Co, Co 1-3) = conv2d(x, w) (+ bias, ReLU as flags say) with wT the weights as
 *  [kh][kw][co][ci]. Returns 0, or 1 (nothing written) unless Co < 4 and Ci is a multiple of 4. */
__attribute__((export_name("conv2d_narrow"))) int conv2d_narrow(
    const float *x, const float *wT, float *y, int B, int H, int W, int Ci, int Ho, int Wo, int Co,
    int KH, int KW, int sh, int sw, int pt, int pl, const float *biasIn, int flags) {
  if (Co < 1 || Co > 3 || Ci % 4 != 0) return 1;
  const float *bias = flags & HAS_BIAS ? biasIn : 0;
  const int relu = flags & RELU;
  const int P = 4;
  const int lo = (pl + sw - 1) / sw;
  const int hi = W - KW + pl < 0 ? -1 : (W - KW + pl) / sw;
  for (int b = 0; b < B; b++)
    for (int oh = 0; oh < Ho; oh++) {
      int ow = 0;
      while (ow < Wo) {
        const int fast = ow >= lo && ow + P - 1 <= hi && ow + P - 1 < Wo;
        if (fast && Co == 3) narrow_4_3_0(x, wT, y, b, oh, ow, H, W, Ci, Wo, KH, KW, sh, sw, pt, pl, Ho, bias, relu);
        else if (fast && Co == 2) narrow_4_2_0(x, wT, y, b, oh, ow, H, W, Ci, Wo, KH, KW, sh, sw, pt, pl, Ho, bias, relu);
        else if (fast) narrow_4_1_0(x, wT, y, b, oh, ow, H, W, Ci, Wo, KH, KW, sh, sw, pt, pl, Ho, bias, relu);
        else if (Co == 3) narrow_1_3_1(x, wT, y, b, oh, ow, H, W, Ci, Wo, KH, KW, sh, sw, pt, pl, Ho, bias, relu);
        else if (Co == 2) narrow_1_2_1(x, wT, y, b, oh, ow, H, W, Ci, Wo, KH, KW, sh, sw, pt, pl, Ho, bias, relu);
        else narrow_1_1_1(x, wT, y, b, oh, ow, H, W, Ci, Wo, KH, KW, sh, sw, pt, pl, Ho, bias, relu);
        ow += fast ? P : 1;
      }
    }
  return 0;
}
