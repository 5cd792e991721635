const id = {
  login: {
    title: 'Masuk',
    intro: 'Masuk dengan akun Gugus yang diberikan administrator wilayah Anda.',
    email: 'E-mail',
    password: 'Kata sandi',
    submit: 'Masuk',
    submitting: 'Sedang masuk…',
    or: 'atau',
    sso: 'Masuk dengan SSO instansi',
    sessionEnded: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
    loggedOut: 'Anda telah keluar.',
  },
  sso: {
    finishing: 'Menyelesaikan masuk lewat SSO…',
    errors: {
      sso_expired: 'Proses masuk SSO kedaluwarsa. Silakan ulangi.',
      sso_failed: 'Masuk lewat SSO gagal. Silakan ulangi atau gunakan kata sandi.',
      sso_no_account: 'Akun SSO Anda tidak terdaftar di Gugus. Hubungi administrator wilayah Anda.',
      sso_browser_mismatch: 'Masuk lewat SSO harus diselesaikan di peramban yang memulainya. Silakan ulangi dari halaman masuk.',
    },
  },
  account: {
    label: 'Akun',
    logout: 'Keluar',
    loggingOut: 'Keluar…',
    login: 'Masuk',
    noRole: 'Tanpa peran',
  },
  restoring: 'Memulihkan sesi…',
};

const en: typeof id = {
  login: {
    title: 'Log in',
    intro: 'Log in with the Gugus account your jurisdiction administrator gave you.',
    email: 'E-mail',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    or: 'or',
    sso: 'Log in with agency single sign-on',
    sessionEnded: 'Your session has ended. Please log in again.',
    loggedOut: 'You have logged out.',
  },
  sso: {
    finishing: 'Finishing single sign-on…',
    errors: {
      sso_expired: 'The single sign-on attempt expired. Please try again.',
      sso_failed: 'Single sign-on failed. Try again or use your password.',
      sso_no_account: 'Your single sign-on account is not registered in Gugus. Contact your jurisdiction administrator.',
      sso_browser_mismatch: 'Single sign-on must be finished in the browser that started it. Please start again from the login page.',
    },
  },
  account: {
    label: 'Account',
    logout: 'Log out',
    loggingOut: 'Logging out…',
    login: 'Log in',
    noRole: 'No role',
  },
  restoring: 'Restoring your session…',
};

/** Login page and the account area of the header. */
export const auth = { id, en };
