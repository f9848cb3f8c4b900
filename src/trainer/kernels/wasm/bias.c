// A per-channel bias and its gradient, over a rows × C matrix (an NHWC tensor's pixels × channels):
// y = x + bias on every row (tfjs-wasm's broadcasting Add runs ~10× slower than a same-shape add),
// and column sums (the bias gradient: dy summed over batch, height and width), 16 channels at a time
// in registers over all rows, then a scalar pass for a last few channels.
#include <wasm_simd128.h>

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
    wasm_v128_store(out + k, a0);
    wasm_v128_store(out + k + 4, a1);
    wasm_v128_store(out + k + 8, a2);
    wasm_v128_store(out + k + 12, a3);
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
