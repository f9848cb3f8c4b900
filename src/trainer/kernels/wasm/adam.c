// One Adam step for one variable in a single pass (tfjs-wasm runs it as ~12 kernels, each a pass over
// the tensor plus the engine's dispatch: ~100 small kernels a step for the baseline). The arithmetic is
// tfjs's AdamOptimizer.applyGradients, operation for operation in float32 (wasm has no fused
// multiply-add, so nothing is contracted): the results are the same bits.
#include <wasm_simd128.h>

__attribute__((export_name("adam_update"))) void adam_update(const float *x, const float *m, const float *v, const float *g,
    const float *acc_beta1, const float *acc_beta2, float *x_out, float *m_out, float *v_out, int n,
    float beta1, float one_minus_beta1, float beta2, float one_minus_beta2, float epsilon, float neg_lr) {
  const float omab1 = 1.0f - acc_beta1[0], omab2 = 1.0f - acc_beta2[0];
  const v128_t b1 = wasm_f32x4_splat(beta1), ob1 = wasm_f32x4_splat(one_minus_beta1);
  const v128_t b2 = wasm_f32x4_splat(beta2), ob2 = wasm_f32x4_splat(one_minus_beta2);
  const v128_t c1 = wasm_f32x4_splat(omab1), c2 = wasm_f32x4_splat(omab2);
  const v128_t eps = wasm_f32x4_splat(epsilon), nlr = wasm_f32x4_splat(neg_lr);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t gi = wasm_v128_load(g + i);
    const v128_t nm = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(m + i), b1), wasm_f32x4_mul(gi, ob1));
    const v128_t nv = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(v + i), b2), wasm_f32x4_mul(wasm_f32x4_mul(gi, gi), ob2));
    const v128_t step = wasm_f32x4_div(wasm_f32x4_div(nm, c1), wasm_f32x4_add(wasm_f32x4_sqrt(wasm_f32x4_div(nv, c2)), eps));
    wasm_v128_store(x_out + i, wasm_f32x4_add(wasm_f32x4_mul(step, nlr), wasm_v128_load(x + i)));
    wasm_v128_store(m_out + i, nm);
    wasm_v128_store(v_out + i, nv);
  }
  for (; i < n; i++) {
    const float nm = m[i] * beta1 + g[i] * one_minus_beta1;
    const float nv = v[i] * beta2 + (g[i] * g[i]) * one_minus_beta2;
    const float step = (nm / omab1) / (__builtin_sqrtf(nv / omab2) + epsilon);
    x_out[i] = step * neg_lr + x[i];
    m_out[i] = nm;
    v_out[i] = nv;
  }
}
