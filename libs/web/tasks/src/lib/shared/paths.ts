const seg = encodeURIComponent;

/** Where the task screens live; the server's notifications link to `/tugas/<id>` too. */
export const taskPaths = {
  inbox: '/tugas',
  task: (id: string) => `/tugas/${seg(id)}`,
  /** The meeting a coordination-meeting task belongs to (the meetings screens own this address). */
  meeting: (id: string) => `/rapat/${seg(id)}`,
};
