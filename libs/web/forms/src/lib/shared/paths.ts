const seg = encodeURIComponent;

/** Where the forms screens live. */
export const formPaths = {
  list: '/formulir',
  fill: (formKey: string, jurisdictionCode?: string) => `/formulir/${seg(formKey)}${jurisdictionCode ? `?wilayah=${seg(jurisdictionCode)}` : ''}`,
  submission: (id: string) => `/isian/${seg(id)}`,
  variantEditor: (formKey: string, provinceCode: string) => `/formulir/${seg(formKey)}/varian/${seg(provinceCode)}`,
};
