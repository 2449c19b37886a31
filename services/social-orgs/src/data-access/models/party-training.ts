import { Schema } from 'mongoose';
import type { CourseAttendance, PartyTrainingCourse } from '../../domain/party-training';

export const partyTrainingCourseSchema = new Schema<PartyTrainingCourse>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    organizer: { type: String, required: true },
    heldOn: { type: String, required: true },
    hours: { type: Number, required: true },
    topic: { type: String, required: true },
    streetId: { type: String, default: null },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'party_training_courses', versionKey: false },
);
partyTrainingCourseSchema.index({ streetId: 1, heldOn: -1 });

export const courseAttendanceSchema = new Schema<CourseAttendance>(
  {
    _id: { type: String, required: true },
    courseId: { type: String, required: true },
    organizationId: { type: String, required: true },
    kind: { type: String, required: true },
    personId: { type: String, required: true },
    hoursCredited: { type: Number, required: true },
    heldOn: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'party_course_attendance', versionKey: false },
);
/** One attendance per person and course, however often a recording is retried or raced. */
courseAttendanceSchema.index({ courseId: 1, kind: 1, personId: 1 }, { unique: true });
courseAttendanceSchema.index({ organizationId: 1, heldOn: -1 });
