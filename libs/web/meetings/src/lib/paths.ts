const seg = encodeURIComponent;

/** Where the meeting screens live; the server's notifications link to `/rapat/<id>` too. */
export const meetingPaths = {
  list: '/rapat',
  meeting: (id: string) => `/rapat/${seg(id)}`,
  /** A task page (the tasks screens own this address). */
  task: (id: string) => `/tugas/${seg(id)}`,
  /** The inbox narrowed to one meeting's tasks, done or not. */
  tasksOf: (meetingId: string) => `/tugas?status=semua&prosesId=${seg(meetingId)}`,
};
