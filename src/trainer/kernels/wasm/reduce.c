// Column sums of a rows × C matrix: the bias gradients (Sum of dy over batch, height and width),
// 16 channels at a time in registers over all rows, then a scalar pass for a last few channels.
#include <wasm_simd128.h>

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
