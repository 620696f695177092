DROP TABLE "receptionist_dialogues";
