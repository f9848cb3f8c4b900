// A per-channel bias and its gradient (and with a ReLU after it), over a rows × C matrix (an NHWC tensor's pixels × channels):
// y = x + bias on every row (tfjs-wasm's broadcasting Add runs ~10× slower than a same-shape add),
// and column sums (the bias gradient: dy summed over batch, height and width), 16 channels at a time
// in registers over all rows, then a scalar pass for a last few channels.
#include <wasm_simd128.h>

static inline void store16(float *p, v128_t a0, v128_t a1, v128_t a2, v128_t a3) {
  wasm_v128_store(p, a0);
  wasm_v128_store(p + 4, a1);
  wasm_v128_store(p + 8, a2);
  wasm_v128_store(p + 12, a3);
}

__attribute__((export_name("add_bias"))) void add_bias(const float *x, const float *bias, float *y, int rows, int C) {
  const int cv = C & ~3;
  for (int r = 0; r < rows; r++, x += C, y += C) {
    int k = 0;
    for (; k < cv; k += 4) wasm_v128_store(y + k, wasm_f32x4_add(wasm_v128_load(x + k), wasm_v128_load(bias + k)));
    for (; k < C; k++) y[k] = x[k] + bias[k];
  }
}

__attribute__((export_name("sum_rows"))) void sum_rows(const float *x, float *out, int rows, int C) {
  int k = 0;
  for (; k + 16 <= C; k += 16) {
    v128_t a0 = wasm_f32x4_splat(0.f), a1 = a0, a2 = a0, a3 = a0;
    const float *p = x + k;
    for (int r = 0; r < rows; r++, p += C) {
      a0 = wasm_f32x4_add(a0, wasm_v128_load(p));
      a1 = wasm_f32x4_add(a1, wasm_v128_load(p + 4));
      a2 = wasm_f32x4_add(a2, wasm_v128_load(p + 8));
      a3 = wasm_f32x4_add(a3, wasm_v128_load(p + 12));
    }
    store16(out + k, a0, a1, a2, a3);
  }
  for (; k + 4 <= C; k += 4) {
    v128_t a = wasm_f32x4_splat(0.f);
    const float *p = x + k;
    for (int r = 0; r < rows; r++, p += C) a = wasm_f32x4_add(a, wasm_v128_load(p));
    wasm_v128_store(out + k, a);
  }
  for (; k < C; k++) {
    float s = 0.f;
    const float *p = x + k;
    for (int r = 0; r < rows; r++, p += C) s += *p;
    out[k] = s;
  }
}

// The backward of ReLU(x + bias) from the layer's output y: dyAct = dy where y > 0, else 0 (as tfjs's
// dy × step(y), so a negative dy meets a -0), and the bias gradient, the column sums of dyAct: one pass
// where tfjs runs Step, Cast, Multiply and Sum. The sums run in sum_rows's order, so the bits are its.
static inline v128_t relu_mask(const float *dy, const float *y) {
  const v128_t one = wasm_f32x4_splat(1.f);
  return wasm_f32x4_mul(wasm_v128_load(dy), wasm_v128_and(one, wasm_f32x4_gt(wasm_v128_load(y), wasm_f32x4_splat(0.f))));
}

__attribute__((export_name("relu_bias_grad"))) void relu_bias_grad(const float *dy, const float *y, float *dyAct, float *biasGrad, int rows, int C) {
  int k = 0;
  for (; k + 16 <= C; k += 16) {
    v128_t a0 = wasm_f32x4_splat(0.f), a1 = a0, a2 = a0, a3 = a0;
    for (int r = 0, p = k; r < rows; r++, p += C) {
      const v128_t g0 = relu_mask(dy + p, y + p), g1 = relu_mask(dy + p + 4, y + p + 4);
      const v128_t g2 = relu_mask(dy + p + 8, y + p + 8), g3 = relu_mask(dy + p + 12, y + p + 12);
      store16(dyAct + p, g0, g1, g2, g3);
      a0 = wasm_f32x4_add(a0, g0);
      a1 = wasm_f32x4_add(a1, g1);
      a2 = wasm_f32x4_add(a2, g2);
      a3 = wasm_f32x4_add(a3, g3);
    }
    store16(biasGrad + k, a0, a1, a2, a3);
  }
  for (; k + 4 <= C; k += 4) {
    v128_t a = wasm_f32x4_splat(0.f);
    for (int r = 0, p = k; r < rows; r++, p += C) {
      const v128_t g = relu_mask(dy + p, y + p);
      wasm_v128_store(dyAct + p, g);
      a = wasm_f32x4_add(a, g);
    }
    wasm_v128_store(biasGrad + k, a);
  }
  for (; k < C; k++) {
    float s = 0.f;
    for (int r = 0, p = k; r < rows; r++, p += C) {
      const float g = dy[p] * (y[p] > 0.f ? 1.f : 0.f);
      dyAct[p] = g;
      s += g;
    }
    biasGrad[k] = s;
  }
}
